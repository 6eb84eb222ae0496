package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "who had {@code ip} (port {@code port}) at {@code at}?": every candidate the
 * evidence supports, and every finding that qualifies them. No candidates and a
 * {@link Finding.Kind#NO_LEASE} or {@link Finding.Kind#NO_TRANSLATION} finding means the
 * records cannot say; two candidates and {@link Finding.Kind#OVERLAPPING_CLAIMS} means they
 * contradict each other. Neither is ever resolved by a guess.
 */
public record Attribution(String ip, Integer port, Instant at, List<Candidate> candidates, List<Finding> findings) {

    public Attribution {
        candidates = List.copyOf(candidates);
        findings = List.copyOf(findings);
    }

    /** One candidate and nothing that qualifies it. */
    public boolean isClear() {
        return candidates.size() == 1 && findings.isEmpty();
    }

    public boolean has(Finding.Kind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }
}
