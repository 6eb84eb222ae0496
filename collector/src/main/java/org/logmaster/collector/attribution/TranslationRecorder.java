package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.logmaster.collector.parse.Field;

/**
 * Builds NAT translations from firewall events. A session or translation start with NAT
 * fields opens a record keyed by the device's session id (or by protocol and addresses);
 * the matching end closes it, even when the end names no addresses (Cisco ASA teardowns
 * carry only the connection id). An end whose start was not seen is recorded over the
 * duration it logs ({@link Bound#FROM_DURATION}); without a duration it proves the
 * translation at that instant only. A single logged packet with NAT fields is an
 * observation at that instant.
 *
 * <p>Source NAT ({@code nat_src_*} differs from {@code src_*}) maps the inside source to the
 * outside address; destination NAT ({@code nat_dst_*} differs from {@code dst_*}) maps the
 * inside server to the address the outside used.
 */
final class TranslationRecorder {
    private final AttributionStore store;

    TranslationRecorder(AttributionStore store) {
        this.store = store;
    }

    void start(ObservedEvent e) {
        for (Mapping m : Mapping.of(e)) {
            String key = m.key(e);
            Optional<Translation> open = store.openTranslation(e.ref().deviceId(), key);
            if (open.isEmpty()) {
                store.save(m.translation(store.nextId(), e, key, e.time(), Bound.OBSERVED, null, Bound.NOT_OBSERVED));
            }
        }
    }

    void end(ObservedEvent e) {
        Instant t = e.time();
        String sessionId = e.field(Field.SESSION_ID);
        List<Mapping> mappings = Mapping.of(e);
        if (mappings.isEmpty() && sessionId != null) {
            for (String direction : List.of("src", "dst")) {
                store.openTranslation(e.ref().deviceId(), sessionId + "/" + direction)
                        .ifPresent(open -> store.save(open.closed(t, e.evidence(), e.field(Field.USER))));
            }
            return;
        }
        for (Mapping m : mappings) {
            String key = m.key(e);
            Optional<Translation> open = store.openTranslation(e.ref().deviceId(), key);
            if (open.isPresent()) {
                store.save(open.get().closed(t, e.evidence(), e.field(Field.USER)));
                continue;
            }
            String duration = e.field(Field.DURATION);
            Instant start = duration != null ? t.minusSeconds(Long.parseLong(duration)) : t;
            store.save(m.translation(store.nextId(), e, key, start,
                    duration != null ? Bound.FROM_DURATION : Bound.NOT_OBSERVED, t, Bound.OBSERVED));
        }
    }

    void observed(ObservedEvent e) {
        Instant t = e.time();
        for (Mapping m : Mapping.of(e)) {
            store.save(m.translation(store.nextId(), e, m.key(e), t, Bound.OBSERVED, t, Bound.OBSERVED));
        }
    }

    /** One inside-to-outside mapping an event states. */
    private record Mapping(String direction, String insideIp, String insidePort, String outsideIp, String outsidePorts) {

        static List<Mapping> of(ObservedEvent e) {
            Mapping source = mapping("src", e.field(Field.SRC_IP), e.field(Field.SRC_PORT),
                    e.field(Field.NAT_SRC_IP), e.field(Field.NAT_SRC_PORT));
            Mapping destination = mapping("dst", e.field(Field.NAT_DST_IP), e.field(Field.NAT_DST_PORT),
                    e.field(Field.DST_IP), e.field(Field.DST_PORT));
            return source == null ? destination == null ? List.of() : List.of(destination)
                    : destination == null ? List.of(source) : List.of(source, destination);
        }

        private static Mapping mapping(String direction, String insideIp, String insidePort, String outsideIp,
                                       String outsidePorts) {
            if (insideIp == null || outsideIp == null) {
                return null;
            }
            boolean translated = !insideIp.equals(outsideIp) || !Objects.equals(insidePort, outsidePorts);
            return translated ? new Mapping(direction, insideIp, insidePort, outsideIp, outsidePorts) : null;
        }

        /** The device's session id when it logs one, else what identifies the mapping itself. */
        String key(ObservedEvent e) {
            String sessionId = e.field(Field.SESSION_ID);
            return sessionId != null ? sessionId + "/" + direction
                    : e.field(Field.PROTOCOL) + "/" + insideIp + ":" + insidePort + "/" + outsideIp + ":" + outsidePorts;
        }

        Translation translation(long id, ObservedEvent e, String key, Instant start, Bound startBound, Instant end,
                                Bound endBound) {
            int low = 0;
            int high = 65_535;
            if (outsidePorts != null) {
                int dash = outsidePorts.indexOf('-');
                low = Integer.parseInt(dash < 0 ? outsidePorts : outsidePorts.substring(0, dash));
                high = dash < 0 ? low : Integer.parseInt(outsidePorts.substring(dash + 1));
            }
            Integer port = insidePort == null ? null : Integer.valueOf(insidePort);
            return new Translation(id, e.ref().deviceId(), key, e.field(Field.PROTOCOL), insideIp, port, outsideIp, low,
                    high, e.field(Field.USER), start, startBound, end, endBound, List.of(e.evidence()));
        }
    }
}
