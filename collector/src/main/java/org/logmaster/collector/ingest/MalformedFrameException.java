package org.logmaster.collector.ingest;

/** The peer's byte stream cannot be split into frames any more (RFC 6587 octet count broken). */
public final class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message);
    }
}
