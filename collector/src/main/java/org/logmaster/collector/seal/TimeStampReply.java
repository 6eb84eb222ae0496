package org.logmaster.collector.seal;

import java.time.Instant;

import org.bouncycastle.tsp.TimeStampToken;

/**
 * A checked RFC 3161 reply: the TimeStampResp exactly as the TSA encoded it (stored as the
 * {@code .tsr} file, byte for byte) and the token inside it.
 */
public record TimeStampReply(byte[] responseBytes, TimeStampToken token) {
    public TimeStampReply {
        responseBytes = responseBytes.clone();
    }

    @Override
    public byte[] responseBytes() {
        return responseBytes.clone();
    }

    public Instant time() {
        return token.getTimeStampInfo().getGenTime().toInstant();
    }
}
