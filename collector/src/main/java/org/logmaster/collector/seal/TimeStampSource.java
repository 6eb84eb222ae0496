package org.logmaster.collector.seal;

/** Somewhere RFC 3161 time stamps come from: an external TSA, or the built-in lab TSA. */
public interface TimeStampSource {
    /**
     * Obtains a time stamp over the SHA-256 of {@code data}; the reply has status granted, matches
     * the request and carries a token whose signature verifies.
     */
    TimeStampReply timeStamp(byte[] data) throws TimeStampException;

    /** What reports and seal statements call this TSA. */
    String label();

    /** True only for the built-in lab TSA, whose stamps are not legal evidence. */
    boolean isBuiltIn();
}
