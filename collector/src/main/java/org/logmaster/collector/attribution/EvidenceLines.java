package org.logmaster.collector.attribution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.DailyLine;
import org.logmaster.collector.store.DeviceDay;
import org.logmaster.collector.store.MalformedLineException;

/**
 * Reads the line of the legal record an {@link Evidence} points at, and says whether its daily
 * file is sealed, so that an answer shows the proof itself and whether it can be verified.
 * The seal is looked for beside the daily file, as the sealer writes it
 * ({@code <day>.seal.p7s}, {@code <day>.seal.tsr}) and in the short form
 * ({@code <day>.p7s}, {@code <day>.tsr}). Presence only: {@code verify} checks the signatures.
 */
public final class EvidenceLines {
    /** Longest line read back; a longer one is cut (the daily file keeps it whole). */
    static final int MAX_LINE = 64 * 1024;

    public enum SealStatus {
        /** signature and RFC 3161 time stamp beside the daily file */
        SEALED,
        /** signature without a time stamp */
        SIGNED_ONLY,
        /** not sealed (yet): the day is open, or its seal was not made */
        NOT_SEALED,
        /** the daily file is gone (expired, moved) */
        FILE_MISSING,
        /** an operator's registration, not a line of a daily file */
        NOT_A_LINE
    }

    /**
     * One proof as shown to the person who asked.
     *
     * @param file the daily file relative to the data folder ({@code logs/<device>/<day>.log}), or null
     * @param text the stored message (the raw syslog line without the storage prefix), or null when unreadable
     */
    public record Line(Evidence evidence, String file, String text, SealStatus seal) {}

    private final DailyFileLayout layout;

    public EvidenceLines(DailyFileLayout layout) {
        this.layout = layout;
    }

    public Line read(Evidence evidence) {
        EvidenceRef ref = evidence.ref();
        if (ref == null || !DeviceId.isValid(ref.deviceId())) return new Line(evidence, null, null, SealStatus.NOT_A_LINE);
        Path file;
        try {
            file = layout.fileFor(new DeviceDay(new DeviceId(ref.deviceId()), ref.fileDay()));
        } catch (IOException e) {
            return new Line(evidence, null, null, SealStatus.FILE_MISSING);
        }
        String relative = layout.dataDir().relativize(file).toString();
        try {
            return new Line(evidence, relative, lineAt(file, ref.fileOffset()), sealOf(file, ref));
        } catch (NoSuchFileException e) {
            return new Line(evidence, relative, null, SealStatus.FILE_MISSING);
        } catch (IOException e) {
            return new Line(evidence, relative, null, sealOf(file, ref));
        }
    }

    private static String lineAt(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_LINE, Math.max(0, channel.size() - offset)));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // read on
            }
            byte[] bytes = Arrays.copyOf(buffer.array(), buffer.position());
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') end++;
            try {
                DailyLine line = DailyLine.decode(bytes, 0, Math.min(bytes.length, end + 1));
                return new String(line.raw(), StandardCharsets.UTF_8);
            } catch (MalformedLineException e) {
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
        }
    }

    private static SealStatus sealOf(Path file, EvidenceRef ref) {
        Path folder = file.getParent();
        String day = ref.fileDay().toString();
        boolean signed = Files.exists(folder.resolve(day + ".seal.p7s")) || Files.exists(folder.resolve(day + ".p7s"));
        boolean stamped = Files.exists(folder.resolve(day + ".seal.tsr")) || Files.exists(folder.resolve(day + ".tsr"));
        if (signed && stamped) return SealStatus.SEALED;
        if (signed) return SealStatus.SIGNED_ONLY;
        return Files.exists(file) ? SealStatus.NOT_SEALED : SealStatus.FILE_MISSING;
    }
}
