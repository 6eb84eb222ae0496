package org.logmaster.collector.ingest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP (RFC 5426): one datagram is one frame. Several sockets share the port through
 * SO_REUSEPORT, so the kernel spreads senders over them and each is read by its own platform thread.
 *
 * <p>UDP cannot push back: while the sink blocks, datagrams wait in the socket's receive buffer (asked
 * large for that reason) and, once it is full, the kernel drops them. Those drops are read from the
 * kernel and reported through {@link ListenerCounters#kernelDrops(long)}, so no loss goes uncounted.
 */
public final class UdpListener implements SocketListener {
    private static final Logger log = LoggerFactory.getLogger(UdpListener.class);
    /** The largest UDP payload over IPv6 is 65527 bytes; with this buffer no datagram is ever truncated. */
    private static final int DATAGRAM_BUFFER_BYTES = 64 * 1024;
    private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    private final UdpSettings settings;
    private final FrameSink sink;
    private final ListenerCounters counters;
    private final Workers workers = new Workers();
    private final WarningThrottle receiveErrors = new WarningThrottle(java.time.Duration.ofSeconds(10));
    private final List<DatagramChannel> channels = new ArrayList<>();
    private volatile UdpKernelDrops kernelDrops;
    private volatile Thread dropPoller;
    private volatile int localPort = -1;
    private volatile boolean closing;

    public UdpListener(UdpSettings settings, FrameSink sink, ListenerCounters counters) {
        this.settings = settings;
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public synchronized void start() throws IOException {
        if (localPort != -1) throw new IllegalStateException(name() + " listener already started");
        try {
            bindAll();
            checkNoStrangerSharesThePort();
        } catch (IOException | RuntimeException e) {
            channels.forEach(UdpListener::closeQuietly);
            channels.clear();
            localPort = -1;
            throw e;
        }
        kernelDrops = new UdpKernelDrops(localPort);
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel channel = channels.get(i);
            workers.start(Thread.ofPlatform().daemon().name(name() + "-reader-" + i), () -> readLoop(channel));
        }
        dropPoller = workers.start(Thread.ofVirtual().name(name() + "-kernel-drops"), this::pollKernelDrops);
        log.info("{}: listening on udp {}:{} with {} socket(s)", name(), settings.bindAddress().getHostAddress(),
                localPort, channels.size());
    }

    private void bindAll() throws IOException {
        int sockets = settings.sockets();
        int port = settings.port();
        ProtocolFamily family = settings.bindAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        for (int i = 0; i < sockets; i++) {
            InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), port);
            DatagramChannel channel = DatagramChannel.open(family);
            channels.add(channel);
            if (sockets > 1) {
                if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    log.warn("{}: SO_REUSEPORT is not available here; using one socket instead of {}", name(), sockets);
                    sockets = 1;
                } else {
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
            }
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            try {
                channel.bind(address);
            } catch (IOException e) {
                throw ListenerBindException.explain("udp", address, settings.config(), e);
            }
            // with port 0 the first socket gets a port from the kernel; the others join it
            port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }
        localPort = port;
        reportReceiveBuffer(channels.getFirst());
    }

    /**
     * SO_REUSEPORT would let a second process (say, another collector) bind the same port and silently
     * take half the datagrams; refuse to start rather than lose them.
     */
    private void checkNoStrangerSharesThePort() throws ListenerBindException {
        long sharing = new UdpKernelDrops(localPort).sockets().stream()
                .filter(row -> row.localAddress().equals(settings.bindAddress())).count();
        if (sharing > channels.size()) {
            throw new ListenerBindException(("cannot listen on udp %s:%d: another process (a second collector?) is"
                    + " bound to this port with SO_REUSEPORT and would take part of the datagrams; stop it or change %s")
                    .formatted(settings.bindAddress().getHostAddress(), localPort, settings.config().describe("port")),
                    null);
        }
    }

    /** Linux caps SO_RCVBUF at net.core.rmem_max without an error; say so, since it costs datagrams in bursts. */
    private void reportReceiveBuffer(DatagramChannel channel) throws IOException {
        int requested = settings.receiveBufferBytes();
        int effective = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        OptionalLong rmemMax = readRmemMax();
        // Linux may report twice the usable size (it counts its bookkeeping too), so compare with the cap itself
        boolean capped = rmemMax.isPresent() ? rmemMax.getAsLong() < requested : effective < requested;
        if (capped) {
            log.warn("{}: asked for a {} byte receive buffer, the kernel granted {} (net.core.rmem_max = {}); bursts"
                            + " may be dropped; raise it with `sysctl -w net.core.rmem_max={}` (and in /etc/sysctl.d/)",
                    name(), requested, effective, rmemMax.isPresent() ? rmemMax.getAsLong() : "?", requested);
        } else {
            log.info("{}: receive buffer {} bytes per socket (kernel reports {})", name(), requested, effective);
        }
    }

    private static OptionalLong readRmemMax() {
        try {
            return OptionalLong.of(Long.parseLong(UdpKernelDrops.readProcFile(RMEM_MAX).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void readLoop(DatagramChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(DATAGRAM_BUFFER_BYTES);
        while (!closing) {
            InetSocketAddress sender;
            try {
                buffer.clear();
                sender = (InetSocketAddress) channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closing) return;
                receiveErrors.warn(log, "%s: receiving a datagram failed: %s".formatted(name(), e));
                continue;
            }
            Instant arrival = Instant.now();
            buffer.flip();
            int length = buffer.remaining();
            // senders often end the datagram with LF or NUL; it is framing, not message
            if (length > 0 && (buffer.get(length - 1) == '\n' || buffer.get(length - 1) == 0)) length--;
            if (length == 0) continue;
            byte[] payload = new byte[length];
            buffer.get(payload);
            counters.received();
            if (length > settings.maxMessageBytes()) counters.oversized();
            try {
                sink.put(new RawFrame(payload, arrival, sender.getAddress(), name()));
            } catch (InterruptedException e) {
                counters.dropped();
                return;
            }
        }
    }

    private void pollKernelDrops() {
        while (!closing) {
            refreshKernelDrops();
            try {
                Thread.sleep(settings.dropPollInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads the kernel's drop counter for our sockets now and updates the listener's counters. */
    public void refreshKernelDrops() {
        UdpKernelDrops drops = kernelDrops;
        if (drops != null) drops.total().ifPresent(counters::kernelDrops);
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public void close() {
        closing = true;
        refreshKernelDrops();
        synchronized (this) {
            channels.forEach(UdpListener::closeQuietly);
        }
        Thread poller = dropPoller;
        if (poller != null) poller.interrupt(); // it only sleeps; nothing is lost by waking it
        workers.stop(Workers.SHUTDOWN_GRACE);
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
