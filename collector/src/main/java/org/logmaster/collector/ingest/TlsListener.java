package org.logmaster.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Syslog over TLS (RFC 5425): TLS 1.2 or 1.3, then the same framing as TCP. The handshake runs on the
 * connection's own thread, so a client that stalls or sends garbage only loses its own connection.
 */
public final class TlsListener implements SocketListener {
    /** Older protocol versions are broken; RFC 5425 clients all speak 1.2. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final StreamServer server;

    /** @param sslContext a server context holding the appliance certificate */
    public TlsListener(StreamSettings settings, SSLContext sslContext, FrameSink sink, ListenerCounters counters) {
        int handshakeMillis = (int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeout().toMillis());
        SSLSocketFactory tls = sslContext.getSocketFactory();
        // TLS is layered over plain accepted sockets: closing the plain socket ends a connection at once,
        // where SSLSocket.close() would wait for the peer to answer its close_notify
        this.server = new StreamServer(settings, "tls", sink, counters, ServerSocket::new,
                socket -> handshake(tls, socket, handshakeMillis));
    }

    /** Completes the handshake within its own time limit, then restores the idle timeout for reading. */
    private static InputStream handshake(SSLSocketFactory tls, Socket plain, int handshakeMillis) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, null, true);
        socket.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        socket.setUseClientMode(false);
        int idleMillis = plain.getSoTimeout();
        plain.setSoTimeout(handshakeMillis);
        try {
            socket.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new SSLException("the handshake did not complete within " + handshakeMillis + " ms", e);
        }
        plain.setSoTimeout(idleMillis);
        return socket.getInputStream();
    }

    @Override
    public String name() {
        return server.name();
    }

    @Override
    public void start() throws IOException {
        server.start();
    }

    @Override
    public int localPort() {
        return server.localPort();
    }

    /** Connections open now, including those still in their handshake. */
    public int openConnections() {
        return server.openConnections();
    }

    @Override
    public void close() {
        server.close();
    }
}
