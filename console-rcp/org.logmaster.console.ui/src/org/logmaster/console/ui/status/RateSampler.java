package org.logmaster.console.ui.status;

/** Turns a growing event count, sampled now and then, into events per second. */
final class RateSampler {

    private long lastCount = -1;
    private long lastNanos;

    /** Rate since the previous sample; 0 for the first one. */
    double sample(long count, long nowNanos) {
        double rate = 0;
        if (lastCount >= 0 && nowNanos > lastNanos) {
            rate = (count - lastCount) * 1e9 / (nowNanos - lastNanos);
        }
        lastCount = count;
        lastNanos = nowNanos;
        return rate;
    }
}
