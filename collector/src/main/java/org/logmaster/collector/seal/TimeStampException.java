package org.logmaster.collector.seal;

/** A time stamp could not be obtained, or what the TSA sent back is not a valid time stamp. */
public class TimeStampException extends Exception {
    public TimeStampException(String message) {
        super(message);
    }

    public TimeStampException(String message, Throwable cause) {
        super(message, cause);
    }
}
