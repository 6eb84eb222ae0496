package org.logmaster.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;

/**
 * Reads one connection: big reads, decoded into frames that go to the sink as they complete. While the
 * sink blocks, nothing is read, the socket's receive buffer fills and TCP flow control stops the sender.
 */
final class StreamConnection implements SyslogFrameDecoder.FrameHandler {
    /** Big enough that a busy sender's frames arrive in batches, small enough for thousands of connections. */
    static final int READ_BUFFER_BYTES = 64 * 1024;

    private final InetAddress peer;
    private final String listener;
    private final FrameSink sink;
    private final ListenerCounters counters;
    private final SyslogFrameDecoder decoder;
    /** One arrival time per read: every frame completed by that read arrived by then. */
    private Instant arrival;

    StreamConnection(InetAddress peer, String listener, FrameSink sink, ListenerCounters counters,
                     SyslogFrameDecoder decoder) {
        this.peer = peer;
        this.listener = listener;
        this.sink = sink;
        this.counters = counters;
        this.decoder = decoder;
    }

    /** Reads until the peer closes; throws on errors, leaving any incomplete frame for {@link #finish()}. */
    void readAll(InputStream in) throws IOException, MalformedFrameException, InterruptedException {
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            arrival = Instant.now();
            decoder.decode(buffer, 0, n, this);
        }
    }

    /** Hands over what is left of an incomplete frame; true if an octet-counted frame was cut short. */
    boolean finish() throws InterruptedException {
        return decoder.finish(this);
    }

    @Override
    public void frame(byte[] payload, boolean oversized) throws InterruptedException {
        counters.received();
        if (oversized) counters.oversized();
        sink.put(new RawFrame(payload, arrival, peer, listener));
    }
}
