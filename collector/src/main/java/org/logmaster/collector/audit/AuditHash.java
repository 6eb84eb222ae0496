package org.logmaster.collector.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an audit entry: hex SHA-256 over its canonical encoding, which is, in this order,
 * seq (decimal), time (yyyy-MM-ddTHH:mm:ss.SSSZ, UTC), username, remote address, action, target,
 * outcome, details, prev_hash; each field as a 4-byte big-endian length followed by its UTF-8
 * bytes, and a null field as the length -1 (0xFFFFFFFF) with no bytes. Length prefixes make the
 * encoding unambiguous (no field can imitate a separator); docs/api.md repeats this so anyone can
 * verify the chain with their own tools.
 */
public final class AuditHash {
    /** prev_hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    private static final String DOMAIN = "logmaster-audit-v1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {}

    public static String of(long seq, Instant time, String username, String remoteAddress, String action,
                            String target, String outcome, String details, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : new String[] {DOMAIN, Long.toString(seq), TIME.format(time), username, remoteAddress,
                action, target, outcome, details, prevHash}) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Recomputes the hash of a stored entry from its fields. */
    public static String of(AuditEntry e) {
        return of(e.seq(), e.time(), e.username(), e.remoteAddress(), e.action(), e.target(), e.outcome(),
                e.details(), e.prevHash());
    }
}
