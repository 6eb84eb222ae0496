package org.logmaster.collector.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Answers "who had this address (and port) at that instant?" from the records in an
 * {@link AttributionStore}:
 * <ol>
 *   <li>if NAT translations of the address cover the instant (and the port, when given), each
 *       names an inside address and port, which step 2 resolves;</li>
 *   <li>leases and static registrations of the (inside) address that cover the instant name
 *       MACs; Wi-Fi associations of those MACs name users.</li>
 * </ol>
 * Every candidate carries the events that prove it. Several MACs for one address, no record
 * at all, an end that was never observed, a start computed from a duration: each is stated
 * as a {@link Finding}, with the nearest evidence before and after where nothing covers the
 * instant. Nothing is inferred beyond the records.
 */
public final class WhoHad {
    /** How far from the instant to look for the nearest evidence when nothing covers it. */
    public static final Duration DEFAULT_NEIGHBOURHOOD = Duration.ofDays(7);

    private final AttributionStore store;
    private final Duration neighbourhood;

    public WhoHad(AttributionStore store) {
        this(store, DEFAULT_NEIGHBOURHOOD);
    }

    public WhoHad(AttributionStore store, Duration neighbourhood) {
        this.store = Objects.requireNonNull(store, "store");
        this.neighbourhood = neighbourhood;
    }

    /**
     * @param ip   the address in question (as the normalised fields write it)
     * @param port the port in question, or null for any
     * @param at   the instant in question
     */
    public Attribution query(String ip, Integer port, Instant at) {
        List<Finding> findings = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<Translation> nat = store.translations(ip, at, at).stream()
                .filter(t -> t.covers(at) && t.hasOutsidePort(port))
                .sorted(Comparator.comparing(Translation::start)).toList();
        if (!nat.isEmpty()) {
            throughNat(nat, port, at, candidates, findings);
        } else {
            List<Translation> near = store.translations(ip, at.minus(neighbourhood), at.plus(neighbourhood));
            if (!near.isEmpty()) {
                List<Translation> samePort = near.stream().filter(t -> t.hasOutsidePort(port)).toList();
                findings.add(new Finding(Finding.Kind.NO_TRANSLATION,
                        "no translation of " + ip + (port == null ? "" : " port " + port) + " covers " + at
                                + "; nearest translations" + (samePort.isEmpty() ? " of other ports" : "") + " are given",
                        nearestTranslationEvidence(samePort.isEmpty() ? near : samePort, at)));
            }
            candidates.addAll(holders(ip, null, at, List.of(), Set.of(), findings, near.isEmpty()));
        }
        return new Attribution(ip, port, at, merge(candidates), findings);
    }

    private void throughNat(List<Translation> nat, Integer port, Instant at, List<Candidate> candidates,
                            List<Finding> findings) {
        long insideHosts = nat.stream().map(Translation::insideIp).distinct().count();
        if (port == null && insideHosts > 1) {
            findings.add(new Finding(Finding.Kind.SEVERAL_INSIDE_HOSTS, insideHosts
                    + " inside hosts used " + nat.getFirst().outsideIp() + " at " + at + "; the port tells them apart",
                    nat.stream().map(t -> t.evidence().getFirst()).toList()));
        }
        for (Translation t : nat) {
            if (t.end() == null) {
                findings.add(new Finding(Finding.Kind.END_NOT_OBSERVED, "translation of " + t.insideIp()
                        + " to " + t.outsideIp() + " has no observed end", t.evidence()));
            }
            if (t.startBound() == Bound.FROM_DURATION) {
                findings.add(new Finding(Finding.Kind.START_FROM_DURATION, "translation of " + t.insideIp()
                        + " starts at " + t.start() + ", computed from the duration its end logged", t.evidence()));
            }
            Set<String> users = t.user() == null ? Set.of() : Set.of(t.user());
            candidates.addAll(holders(t.insideIp(), t.insidePort(), at, t.evidence(), users, findings, true));
        }
    }

    /** Leases and registrations of {@code ip} at {@code at}, as candidates; findings for overlaps and gaps. */
    private List<Candidate> holders(String ip, Integer port, Instant at, List<Evidence> via, Set<String> viaUsers,
                                    List<Finding> findings, boolean reportGap) {
        List<Lease> leases = store.leases(ip, at, at).stream().filter(l -> l.covers(at))
                .sorted(Comparator.comparing(Lease::start)).toList();
        List<StaticAssignment> statics = store.statics(ip).stream().filter(s -> s.covers(at)).toList();
        List<Candidate> found = new ArrayList<>();
        for (Lease l : leases) {
            if (l.end() == null) {
                findings.add(new Finding(Finding.Kind.END_NOT_OBSERVED, "lease of " + ip + " to " + l.mac()
                        + " has no observed end; its last evidence is at " + l.evidence().getLast().time(), l.evidence()));
            }
            found.add(candidate(ip, port, l.mac(), l.clientHost(), null, at, via, viaUsers, l.evidence()));
        }
        for (StaticAssignment s : statics) {
            found.add(candidate(ip, port, s.mac(), null, s.label(), at, via, viaUsers, List.of(s.evidence())));
        }
        long macs = found.stream().map(Candidate::mac).distinct().count();
        if (macs > 1) {
            findings.add(new Finding(Finding.Kind.OVERLAPPING_CLAIMS, macs + " MACs claim " + ip + " at " + at,
                    found.stream().flatMap(c -> c.evidence().stream()).filter(e -> !via.contains(e)).toList()));
        }
        if (found.isEmpty()) {
            if (reportGap) {
                findings.add(new Finding(Finding.Kind.NO_LEASE, "no lease or registration of " + ip + " covers " + at
                        + "; nearest leases are given", nearestLeaseEvidence(ip, at)));
            }
            if (!via.isEmpty()) {
                found.add(new Candidate(ip, port, null, null, null, viaUsers, via));
            }
        }
        return found;
    }

    private Candidate candidate(String ip, Integer port, String mac, String host, String label, Instant at,
                                List<Evidence> via, Set<String> viaUsers, List<Evidence> own) {
        Set<String> users = new LinkedHashSet<>(viaUsers);
        List<Evidence> evidence = new ArrayList<>(via);
        evidence.addAll(own);
        for (Association a : store.associations(mac, at, at)) {
            if (a.covers(at)) {
                if (a.user() != null) {
                    users.add(a.user());
                }
                evidence.addAll(a.evidence());
            }
        }
        return new Candidate(ip, port, mac, host, label, users, evidence);
    }

    /** The last lease that ended before {@code at} and the first that started after it. */
    private List<Evidence> nearestLeaseEvidence(String ip, Instant at) {
        List<Lease> near = store.leases(ip, at.minus(neighbourhood), at.plus(neighbourhood));
        List<Evidence> out = new ArrayList<>();
        near.stream().filter(l -> !l.start().isAfter(at)).max(Comparator.comparing(Lease::start))
                .ifPresent(l -> out.add(l.evidence().getLast()));
        near.stream().filter(l -> l.start().isAfter(at)).min(Comparator.comparing(Lease::start))
                .ifPresent(l -> out.add(l.evidence().getFirst()));
        return out;
    }

    private static List<Evidence> nearestTranslationEvidence(List<Translation> near, Instant at) {
        List<Evidence> out = new ArrayList<>();
        near.stream().filter(t -> !t.start().isAfter(at)).max(Comparator.comparing(Translation::start))
                .ifPresent(t -> out.add(t.evidence().getLast()));
        near.stream().filter(t -> t.start().isAfter(at)).min(Comparator.comparing(Translation::start))
                .ifPresent(t -> out.add(t.evidence().getFirst()));
        return out;
    }

    /** Candidates for the same inside address, port and MAC (a connection and its translation both logged) become one. */
    private static List<Candidate> merge(List<Candidate> candidates) {
        Map<List<Object>, Candidate> merged = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            List<Object> key = java.util.Arrays.asList(c.ip(), c.port(), c.mac());
            merged.merge(key, c, (a, b) -> {
                Set<String> users = new LinkedHashSet<>(a.users());
                users.addAll(b.users());
                List<Evidence> evidence = new ArrayList<>(a.evidence());
                b.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
                return new Candidate(a.ip(), a.port(), a.mac(), a.clientHost() != null ? a.clientHost() : b.clientHost(),
                        a.label() != null ? a.label() : b.label(), users, evidence);
            });
        }
        return List.copyOf(merged.values());
    }
}
