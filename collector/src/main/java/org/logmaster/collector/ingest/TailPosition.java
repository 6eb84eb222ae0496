package org.logmaster.collector.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * How far a tailed file was handed over: which file (its identity, since rotation reuses the name) and
 * the offset after the last complete line. Kept in a small text file replaced atomically, so a crash
 * leaves either the old or the new position, never a torn one.
 *
 * @param fileKey  the file's identity ("(dev=803,ino=1234)" on Linux), "" when the file system has none
 * @param position offset of the first byte not yet handed over
 */
record TailPosition(String fileKey, long position) {

    static Optional<TailPosition> load(Path stateFile) throws IOException {
        String text;
        try {
            text = Files.readString(stateFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String key = null;
        Long position = null;
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 0) continue;
            String value = line.substring(eq + 1).trim();
            switch (line.substring(0, eq).trim()) {
                case "fileKey" -> key = value;
                case "position" -> position = parsePosition(value, stateFile);
                default -> { }
            }
        }
        if (key == null || position == null) throw new IOException(stateFile + " lacks fileKey or position");
        return Optional.of(new TailPosition(key, position));
    }

    private static long parsePosition(String value, Path stateFile) throws IOException {
        try {
            long position = Long.parseLong(value);
            if (position < 0) throw new NumberFormatException();
            return position;
        } catch (NumberFormatException e) {
            throw new IOException(stateFile + ": bad position '" + value + "'");
        }
    }

    void save(Path stateFile) throws IOException {
        Path parent = stateFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve(stateFile.getFileName() + ".tmp");
        byte[] text = ("# read position of a tailed file, kept by the LogMaster collector\nfileKey=" + fileKey
                + "\nposition=" + position + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(text));
            out.force(true);
        }
        Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
