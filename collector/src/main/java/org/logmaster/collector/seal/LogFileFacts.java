package org.logmaster.collector.seal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Size, line count and SHA-256 of a daily file (of its uncompressed bytes when it is a {@code .gz}), taken in one streaming pass (a day can be
 * gigabytes; it is read once and never held in memory). A line is a run of bytes ended by LF; a
 * last line without LF counts as a line too.
 *
 * @param prefixSha256 SHA-256 of the first {@code prefixLength} bytes when the file is at least
 *                     that long: tells "lines were appended" apart from "the sealed part changed"
 */
public record LogFileFacts(long size, long lineCount, String sha256, Optional<String> prefixSha256) {
    private static final int BUFFER_BYTES = 1 << 20;

    public static LogFileFacts of(Path file) throws IOException {
        return of(file, -1);
    }

    /** As {@link #of(Path)}, and also the digest of the first {@code prefixLength} bytes (if non-negative). */
    public static LogFileFacts of(Path file, long prefixLength) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        String prefix = prefixLength == 0 ? Sha256.hex(Sha256.newDigest().digest()) : null;
        long size = 0;
        long lines = 0;
        byte last = '\n';
        byte[] buffer = new byte[BUFFER_BYTES];
        // a daily file compressed by the archive is measured by its original, uncompressed bytes
        try (InputStream in = file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file), BUFFER_BYTES) : Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (read == 0) {
                    continue;
                }
                if (prefixLength > size && prefixLength <= size + read) {
                    int head = (int) (prefixLength - size);
                    digest.update(buffer, 0, head);
                    prefix = Sha256.hex(copy(digest).digest());
                    digest.update(buffer, head, read - head);
                } else {
                    digest.update(buffer, 0, read);
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
                size += read;
            }
        }
        if (last != '\n') {
            lines++;
        }
        return new LogFileFacts(size, lines, Sha256.hex(digest.digest()), Optional.ofNullable(prefix));
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's SHA-256 cannot be cloned", e);
        }
    }
}
