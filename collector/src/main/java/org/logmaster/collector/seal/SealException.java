package org.logmaster.collector.seal;

/** A day could not be sealed; nothing of its seal was left behind as if it were complete. */
public class SealException extends Exception {
    public SealException(String message) {
        super(message);
    }

    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
