package org.logmaster.collector.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the Linux kernel's socket table ({@code /proc/net/udp} and {@code /proc/net/udp6}): for every UDP
 * socket on one local port, its address and the number of datagrams the kernel dropped because the
 * socket's receive buffer was full. Those losses happen before the collector sees anything, so this is
 * the only way to count them.
 */
public final class UdpKernelDrops {

    /** One row of the table. */
    public record SocketRow(InetAddress localAddress, int localPort, long inode, long drops) {}

    public static final List<Path> PROC_FILES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private final List<Path> files;
    private final int port;

    /** Reads the kernel's own tables for sockets on {@code port}. */
    public UdpKernelDrops(int port) {
        this(PROC_FILES, port);
    }

    UdpKernelDrops(List<Path> files, int port) {
        this.files = List.copyOf(files);
        this.port = port;
    }

    /** The sockets bound to our port, from every table that can be read. */
    public List<SocketRow> sockets() {
        List<SocketRow> rows = new ArrayList<>();
        for (Path file : files) {
            try {
                parse(readProcFile(file)).stream()
                        .filter(row -> row.localPort() == port).forEach(rows::add);
            } catch (IOException e) {
                // no such table (IPv6 disabled, not Linux): nothing of ours can be in it
            }
        }
        return rows;
    }

    /**
     * Reads a /proc file through a stream: proc files report size 0, and reading them by that size (as
     * {@code Files.readString} does) can return only the first bytes.
     */
    static String readProcFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Total drops of the sockets on our port; empty when no table could be read (not Linux). */
    public OptionalLong total() {
        if (files.stream().noneMatch(Files::isReadable)) return OptionalLong.empty();
        return OptionalLong.of(sockets().stream().mapToLong(SocketRow::drops).sum());
    }

    /**
     * Parses the text of {@code /proc/net/udp} or {@code /proc/net/udp6}. The header line and lines that
     * do not look like a socket row are skipped.
     */
    public static List<SocketRow> parse(String table) {
        List<SocketRow> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
            if (fields.length < 13 || !fields[0].endsWith(":")) continue;
            try {
                int colon = fields[1].indexOf(':');
                InetAddress address = parseAddress(fields[1].substring(0, colon));
                int localPort = Integer.parseInt(fields[1].substring(colon + 1), 16);
                rows.add(new SocketRow(address, localPort, Long.parseLong(fields[9]), Long.parseLong(fields[12])));
            } catch (RuntimeException | UnknownHostException e) {
                // a row this parser does not understand is not one of ours to count
            }
        }
        return rows;
    }

    /**
     * The kernel prints each 32-bit word of the address as a number in the host's byte order, so on a
     * little-endian machine 127.0.0.1 reads "0100007F".
     */
    private static InetAddress parseAddress(String hex) throws UnknownHostException {
        if (hex.length() != 8 && hex.length() != 32) throw new IllegalArgumentException("address " + hex);
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2).order(ByteOrder.nativeOrder());
        for (int word = 0; word < hex.length(); word += 8) {
            bytes.putInt(Integer.parseUnsignedInt(hex, word, word + 8, 16));
        }
        return InetAddress.getByAddress(bytes.array());
    }
}
