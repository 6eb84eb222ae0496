package org.logmaster.benchmark;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** RFC 6587 octet-counted frames over several TCP connections. */
final class TcpSender implements Sender {
    private final int port;
    private final int connections;

    TcpSender(int port, int connections) {
        this.port = port;
        this.connections = Math.max(1, connections);
    }

    @Override
    public long send(MessageFactory messages, long count, long rate) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                long from = count * c / connections, to = count * (c + 1) / connections;
                long perSender = rate / connections;
                parts.add(pool.submit(() -> sendRange(messages, from, to, perSender)));
            }
            long sent = 0;
            for (Future<Long> f : parts) sent += f.get();
            return sent;
        }
    }

    private long sendRange(MessageFactory messages, long from, long to, long rate) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
            long start = System.nanoTime();
            for (long i = from; i < to; i++) {
                Sender.pace(start, i - from, rate);
                byte[] m = messages.message(i);
                out.write(Integer.toString(m.length).getBytes(StandardCharsets.US_ASCII));
                out.write(' ');
                out.write(m);
            }
            out.flush();
            s.shutdownOutput();
            // wait for the collector to close or for a quiet read, so nothing is reset unsent
            s.setSoTimeout(2000);
            try {
                s.getInputStream().read();
            } catch (java.net.SocketTimeoutException ignored) {
                // the collector keeps connections open; all bytes are flushed by now
            }
            return to - from;
        }
    }
}
