package org.logmaster.collector.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's neighbour table: which MAC address an IP address on a directly attached segment
 * has. IPv4 entries come from {@code /proc/net/arp}; IPv6 (and IPv4 again) from {@code ip neigh
 * show} where iproute2 is installed. Only complete entries count; a source that cannot be read is
 * reported once and skipped, so a missing tool never stops ingest.
 */
public final class NeighbourTable {
    private static final Logger log = LoggerFactory.getLogger(NeighbourTable.class);

    /** One place neighbour entries come from. */
    public interface Source {
        String name();

        Map<InetAddress, MacAddress> read() throws IOException;
    }

    private final List<Source> sources;
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();

    public NeighbourTable(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The running system's table: /proc/net/arp, then {@code ip neigh show}. */
    public static NeighbourTable system() {
        return new NeighbourTable(List.of(procNetArp(Path.of("/proc/net/arp")), ipNeighCommand()));
    }

    /** All complete entries of all readable sources (later sources win on conflicts). */
    public Map<InetAddress, MacAddress> read() {
        Map<InetAddress, MacAddress> entries = new HashMap<>();
        for (Source source : sources) {
            try {
                entries.putAll(source.read());
            } catch (IOException | RuntimeException e) {
                if (reportedFailures.add(source.name())) {
                    log.warn("neighbour table source {} unreadable ({}); senders it would identify stay unknown",
                            source.name(), e.toString());
                }
            }
        }
        return entries;
    }

    /** A file in the format of /proc/net/arp. */
    public static Source procNetArp(Path file) {
        return new Source() {
            @Override public String name() { return file.toString(); }

            @Override public Map<InetAddress, MacAddress> read() throws IOException {
                return parseProcNetArp(Files.readString(file, StandardCharsets.US_ASCII));
            }
        };
    }

    /** Runs {@code ip neigh show} (iproute2), waiting at most five seconds. */
    public static Source ipNeighCommand() {
        return new Source() {
            @Override public String name() { return "ip neigh show"; }

            @Override public Map<InetAddress, MacAddress> read() throws IOException {
                Process process = new ProcessBuilder("ip", "neigh", "show").redirectErrorStream(true).start();
                try (InputStream out = process.getInputStream()) {
                    String text = new String(out.readNBytes(4 * 1024 * 1024), StandardCharsets.US_ASCII);
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        throw new IOException("ip neigh show did not finish");
                    }
                    if (process.exitValue() != 0) {
                        throw new IOException("ip neigh show exited with " + process.exitValue());
                    }
                    return parseIpNeigh(text);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                    throw new IOException("interrupted", e);
                }
            }
        };
    }

    /**
     * Parses /proc/net/arp: a header line, then "IP HW-type Flags HW-address Mask Device". Entries
     * without the "complete" flag (0x2) are skipped.
     */
    static Map<InetAddress, MacAddress> parseProcNetArp(String text) {
        Map<InetAddress, MacAddress> entries = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] columns = lines[i].trim().split("\\s+");
            if (columns.length < 4) continue;
            try {
                int flags = Integer.decode(columns[2]);
                if ((flags & 0x2) == 0) continue;
                entries.put(IpLiterals.parse(columns[0]), MacAddress.parse(columns[3]));
            } catch (IllegalArgumentException e) {
                // an entry we cannot use (incomplete, odd hardware type): skip it
            }
        }
        return entries;
    }

    /**
     * Parses {@code ip neigh show}: "ADDRESS dev IF lladdr MAC [router] STATE". Entries without
     * lladdr or in state FAILED or INCOMPLETE are skipped.
     */
    static Map<InetAddress, MacAddress> parseIpNeigh(String text) {
        Map<InetAddress, MacAddress> entries = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length < 2) continue;
            String state = tokens[tokens.length - 1];
            if (state.equals("FAILED") || state.equals("INCOMPLETE")) continue;
            for (int i = 1; i + 1 < tokens.length; i++) {
                if (tokens[i].equals("lladdr")) {
                    try {
                        entries.put(IpLiterals.parse(tokens[0]), MacAddress.parse(tokens[i + 1]));
                    } catch (IllegalArgumentException e) {
                        // not an Ethernet neighbour: skip it
                    }
                    break;
                }
            }
        }
        return entries;
    }
}
