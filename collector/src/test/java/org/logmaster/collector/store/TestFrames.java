package org.logmaster.collector.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.logmaster.collector.ingest.RawFrame;

/** Frames and waiting, for the store's and the index's tests. */
public final class TestFrames {
    private TestFrames() {}

    public static RawFrame frame(String text, Instant arrival, String senderIp) {
        return frame(text, arrival, senderIp, "udp");
    }

    public static RawFrame frame(String text, Instant arrival, String senderIp, String listener) {
        return new RawFrame(text.getBytes(StandardCharsets.UTF_8), arrival, ip(senderIp), listener);
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);  // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Polls until the condition holds; fails the test after a generous timeout. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(5);
        }
    }
}
