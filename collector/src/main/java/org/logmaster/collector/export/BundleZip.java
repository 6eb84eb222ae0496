package org.logmaster.collector.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written straight to its destination, entry after entry (nothing is held in memory but
 * the current buffer), that remembers each entry's SHA-256 and size for the manifest.
 */
final class BundleZip implements AutoCloseable {
    /** What writes one entry's bytes. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final List<BundleEntry> entries = new ArrayList<>();

    BundleZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * An uncompressed entry whose bytes are known (ASiC's {@code mimetype} must be the first entry,
     * stored, so that its content can be read at a fixed offset).
     */
    void stored(String path, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A compressed entry, listed in {@link #entries()} with its digest. */
    BundleEntry add(String path, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest digest = sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(new Unclosable(zip), digest));
        content.writeTo(counted);
        counted.flush();
        zip.closeEntry();
        BundleEntry entry = new BundleEntry(path, HexFormat.of().formatHex(digest.digest()), counted.count);
        entries.add(entry);
        return entry;
    }

    BundleEntry add(String path, byte[] bytes) throws IOException {
        return add(path, out -> out.write(bytes));
    }

    /** Copies exactly {@code length} bytes of {@code in}: a file still growing is bundled as it was when opened. */
    BundleEntry add(String path, InputStream in, long length) throws IOException {
        return add(path, out -> {
            byte[] buffer = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException(path + " became shorter while it was bundled");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        });
    }

    /** An entry not listed in the manifest (the manifest's own signature files). */
    void addUnlisted(String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    List<BundleEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Lets entry writers close their own streams without closing the zip. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
