package org.logmaster.benchmark;

/** Sends {@code count} messages at {@code rate} per second (0 = unlimited); returns how many went out. */
interface Sender {
    long send(MessageFactory messages, long count, long rate) throws Exception;

    /** Sleeps so that message {@code i} does not leave before its slot at the given rate. */
    static void pace(long startNanos, long i, long ratePerSender) throws InterruptedException {
        if (ratePerSender <= 0 || (i & 255) != 0) return;
        long due = startNanos + (long) (i * 1e9 / ratePerSender);
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
}
