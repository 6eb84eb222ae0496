package org.logmaster.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part TCP and TLS listeners share: accept connections, keep at most {@code maxConnections}, and
 * read each on its own virtual thread through a {@link SyslogFrameDecoder}. An idle connection costs a
 * parked virtual thread and a socket, nothing else.
 */
final class StreamServer implements SocketListener {

    /** Opens an unbound server socket of the right kind (plain or TLS). */
    @FunctionalInterface
    interface ServerSocketOpener {
        ServerSocket open() throws IOException;
    }

    /** Turns an accepted socket into the byte stream to decode (for TLS: after the handshake). */
    @FunctionalInterface
    interface StreamOpener {
        InputStream open(Socket socket) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(StreamServer.class);
    private static final int BACKLOG = 1024;
    private static final Duration ACCEPT_RETRY_PAUSE = Duration.ofMillis(100);

    private final StreamSettings settings;
    private final String protocol;
    private final FrameSink sink;
    private final ListenerCounters counters;
    private final ServerSocketOpener serverSocketOpener;
    private final StreamOpener streamOpener;
    private final Workers workers = new Workers();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final WarningThrottle refusals = new WarningThrottle(Duration.ofSeconds(10));
    private final WarningThrottle peerErrors = new WarningThrottle(Duration.ofSeconds(1));
    private final WarningThrottle acceptErrors = new WarningThrottle(Duration.ofSeconds(10));
    private volatile ServerSocket serverSocket;
    private volatile boolean closing;

    StreamServer(StreamSettings settings, String protocol, FrameSink sink, ListenerCounters counters,
                 ServerSocketOpener serverSocketOpener, StreamOpener streamOpener) {
        this.settings = settings;
        this.protocol = protocol;
        this.sink = sink;
        this.counters = counters;
        this.serverSocketOpener = serverSocketOpener;
        this.streamOpener = streamOpener;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public synchronized void start() throws IOException {
        if (serverSocket != null) throw new IllegalStateException(name() + " listener already started");
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        ServerSocket socket = serverSocketOpener.open();
        try {
            socket.setReuseAddress(true); // a restarted collector must not wait for TIME_WAIT to pass
            socket.bind(address, BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw ListenerBindException.explain(protocol, address, settings.config(), e);
        }
        serverSocket = socket;
        log.info("{}: listening on {} {}:{}", name(), protocol, address.getAddress().getHostAddress(),
                socket.getLocalPort());
        workers.start(Thread.ofVirtual().name(name() + "-accept"), this::acceptLoop);
    }

    @Override
    public int localPort() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** Connections open now. */
    int openConnections() {
        return connections.size();
    }

    private void acceptLoop() {
        ServerSocket server = serverSocket;
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closing || server.isClosed()) return;
                // e.g. out of file descriptors: transient, so keep the port and try again shortly
                acceptErrors.warn(log, "%s: accepting a connection failed: %s".formatted(name(), e));
                try {
                    Thread.sleep(ACCEPT_RETRY_PAUSE);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            if (connections.size() >= settings.maxConnections()) {
                refusals.warn(log, "%s: refused a connection from %s: %d connections are open; raise %s if that is"
                        .formatted(name(), peerOf(socket), connections.size(),
                                settings.config().describe("maxConnections")) + " expected");
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            if (closing) closeQuietly(socket); // close() may have missed it; the reader ends at once
            workers.start(Thread.ofVirtual().name(name() + "-" + peerOf(socket)), () -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        String peer = peerOf(socket);
        StreamConnection connection = new StreamConnection(socket.getInetAddress(), name(), sink, counters,
                SyslogFrameDecoder.detecting(settings.maxMessageBytes()));
        // closed in finally, after the catch blocks counted the error: a peer that sees the close
        // may look at the counters at once
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
            connection.readAll(streamOpener.open(socket));
        } catch (MalformedFrameException e) {
            counters.protocolError();
            peerErrors.warn(log, "%s: closed the connection from %s: malformed frame: %s (the bytes received so far"
                    .formatted(name(), peer, e.getMessage()) + " are kept)");
        } catch (javax.net.ssl.SSLException e) {
            counters.protocolError();
            peerErrors.warn(log, "%s: closed the connection from %s: TLS failed: %s%s".formatted(name(), peer,
                    e.getMessage(), String.valueOf(e.getMessage()).contains("unrecognized SSL message")
                            ? " (the client does not speak TLS; is it set up for plain TCP?)" : ""));
        } catch (java.net.SocketTimeoutException e) {
            log.info("{}: closed the connection from {}: idle for {} ms", name(), peer,
                    settings.idleTimeout().toMillis());
        } catch (IOException e) {
            if (!closing) log.info("{}: connection from {} ended: {}", name(), peer, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            connections.remove(socket);
        }
        if (Thread.currentThread().isInterrupted()) return; // close() gave up waiting for the sink
        try {
            if (connection.finish()) {
                log.warn("{}: the connection from {} ended inside an octet-counted frame; its received part is kept",
                        name(), peer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        ServerSocket server = serverSocket;
        if (server != null) closeQuietly(server);
        for (Socket socket : connections) closeQuietly(socket);
        workers.stop(Workers.SHUTDOWN_GRACE);
    }

    private static String peerOf(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort; the socket is gone either way
        }
    }
}
