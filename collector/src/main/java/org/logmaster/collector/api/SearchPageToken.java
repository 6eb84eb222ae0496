package org.logmaster.collector.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.collector.index.EventSearch;

/**
 * Search's page token: the snapshot id and total of the first page, where the last page ended,
 * and a fingerprint of the request (range, filter, order), so a token is refused with another
 * request. Opaque to clients (base64url).
 *
 * @param snapshotId rows up to this id are paged (later ones are left out, so pages stay consistent)
 * @param total      the total counted for the first page
 * @param after      the last row served
 */
record SearchPageToken(long snapshotId, long total, EventSearch.Position after) {
    private static final int VERSION = 1;

    String encode(SearchRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.write(fingerprint(request));
            out.writeLong(snapshotId);
            out.writeLong(total);
            out.writeLong(after.arrival().getEpochSecond());
            out.writeInt(after.arrival().getNano());
            out.writeLong(after.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The token of {@code request}; IllegalArgumentException when it is malformed or was issued for another request. */
    static SearchPageToken decode(SearchRequest request) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(
                Base64.getUrlDecoder().decode(request.getPageToken())))) {
            if (in.readByte() != VERSION) throw new IllegalArgumentException("invalid page_token");
            byte[] fingerprint = in.readNBytes(8);
            if (!MessageDigest.isEqual(fingerprint, fingerprint(request))) {
                throw new IllegalArgumentException("page_token was issued for another range, filter or order");
            }
            long snapshot = in.readLong();
            long total = in.readLong();
            Instant arrival = Instant.ofEpochSecond(in.readLong(), in.readInt());
            long id = in.readLong();
            if (in.read() != -1 || snapshot < 0 || total < 0) throw new IllegalArgumentException("invalid page_token");
            return new SearchPageToken(snapshot, total, new EventSearch.Position(arrival, id));
        } catch (IOException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid page_token");
        }
    }

    /** The first 8 bytes of SHA-256 over what the token is bound to. */
    private static byte[] fingerprint(SearchRequest request) {
        byte[] bound = request.toBuilder().clearPageToken().clearPageSize().build().toByteArray();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bound);
            return java.util.Arrays.copyOf(digest, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
