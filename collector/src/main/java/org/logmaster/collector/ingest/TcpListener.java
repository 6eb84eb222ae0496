package org.logmaster.collector.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** Syslog over plain TCP (RFC 6587: octet counting or LF framing, detected per connection). */
public final class TcpListener implements SocketListener {
    private final StreamServer server;

    public TcpListener(StreamSettings settings, FrameSink sink, ListenerCounters counters) {
        this.server = new StreamServer(settings, "tcp", sink, counters, ServerSocket::new, Socket::getInputStream);
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

    /** Connections open now. */
    public int openConnections() {
        return server.openConnections();
    }

    @Override
    public void close() {
        server.close();
    }
}
