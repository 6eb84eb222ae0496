package org.logmaster.benchmark;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One datagram per message from several sockets (so SO_REUSEPORT can spread them). */
final class UdpSender implements Sender {
    private final int port;
    private final int sockets;

    UdpSender(int port, int sockets) {
        this.port = port;
        this.sockets = Math.max(1, sockets);
    }

    @Override
    public long send(MessageFactory messages, long count, long rate) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(sockets)) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int c = 0; c < sockets; c++) {
                long from = count * c / sockets, to = count * (c + 1) / sockets;
                long perSender = rate / sockets;
                parts.add(pool.submit(() -> sendRange(messages, from, to, perSender)));
            }
            long sent = 0;
            for (Future<Long> f : parts) sent += f.get();
            return sent;
        }
    }

    private long sendRange(MessageFactory messages, long from, long to, long rate) throws Exception {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.connect(target);
            long start = System.nanoTime();
            for (long i = from; i < to; i++) {
                Sender.pace(start, i - from, rate);
                ch.write(ByteBuffer.wrap(messages.message(i)));
            }
            return to - from;
        }
    }
}
