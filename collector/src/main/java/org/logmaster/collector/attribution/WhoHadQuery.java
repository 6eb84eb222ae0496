package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.logmaster.collector.enrich.IpLiterals;

/**
 * The question as users ask it (the {@code who-had} command, AttributionService.WhoHad): checks
 * the address and port, asks {@link WhoHad}, and reads every evidence line the answer cites from
 * the daily files, with its seal status.
 */
public final class WhoHadQuery {
    private final WhoHad whoHad;
    private final EvidenceLines lines;

    public WhoHadQuery(AttributionStore store, EvidenceLines lines) {
        this.whoHad = new WhoHad(store);
        this.lines = lines;
    }

    /** The answer and the lines it cites. */
    public record Report(Attribution attribution, Map<Evidence, EvidenceLines.Line> lines) {
        public Report {
            lines = Map.copyOf(lines);
        }

        public EvidenceLines.Line line(Evidence evidence) {
            return lines.get(evidence);
        }
    }

    /**
     * @param ip   an IPv4 or IPv6 literal; IllegalArgumentException otherwise
     * @param port 1..65535, or null for any; IllegalArgumentException otherwise
     */
    public Report ask(String ip, Integer port, Instant at) {
        String address = normalised(ip);
        if (port != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
        if (at == null) throw new IllegalArgumentException("the instant is required");
        Attribution answer = whoHad.query(address, port, at);
        Map<Evidence, EvidenceLines.Line> read = new LinkedHashMap<>();
        Stream.concat(answer.candidates().stream().flatMap(c -> c.evidence().stream()),
                        answer.findings().stream().flatMap(f -> f.evidence().stream()))
                .forEach(e -> read.computeIfAbsent(e, lines::read));
        return new Report(answer, read);
    }

    /** As the dialects write addresses: IPv4 dotted quad, IPv6 in lower case. */
    static String normalised(String ip) {
        IpLiterals.parse(ip);
        return ip.strip().toLowerCase(Locale.ROOT);
    }
}
