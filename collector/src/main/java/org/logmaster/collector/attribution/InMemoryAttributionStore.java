package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** {@link AttributionStore} in maps, for tests and for installations without a database. Thread-safe. */
public final class InMemoryAttributionStore implements AttributionStore {
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, List<Lease>> leases = new HashMap<>();
    private final Map<String, List<StaticAssignment>> statics = new HashMap<>();
    private final Map<String, List<Translation>> translations = new HashMap<>();
    private final Map<String, Translation> openTranslations = new HashMap<>();
    private final Map<String, List<Association>> associations = new HashMap<>();
    private final Map<String, Association> openAssociations = new HashMap<>();

    @Override
    public long nextId() {
        return ids.incrementAndGet();
    }

    @Override
    public synchronized void save(Lease lease) {
        replace(leases, lease.ip(), lease, l -> l.id() == lease.id());
    }

    @Override
    public synchronized List<Lease> leases(String ip, Instant from, Instant to) {
        return select(leases, ip, l -> Interval.overlaps(l.start(), l.end(), from, to));
    }

    @Override
    public synchronized void save(StaticAssignment assignment) {
        statics.computeIfAbsent(assignment.ip(), k -> new ArrayList<>()).add(assignment);
    }

    @Override
    public synchronized List<StaticAssignment> statics(String ip) {
        return List.copyOf(statics.getOrDefault(ip, List.of()));
    }

    @Override
    public synchronized void save(Translation t) {
        replace(translations, t.outsideIp(), t, x -> x.id() == t.id());
        String key = t.deviceId() + "\u0000" + t.sessionKey();
        if (t.end() == null) {
            openTranslations.put(key, t);
        } else if (openTranslations.containsKey(key) && openTranslations.get(key).id() == t.id()) {
            openTranslations.remove(key);
        }
    }

    @Override
    public synchronized List<Translation> translations(String outsideIp, Instant from, Instant to) {
        return select(translations, outsideIp, t -> Interval.overlaps(t.start(), t.end(), from, to));
    }

    @Override
    public synchronized Optional<Translation> openTranslation(String deviceId, String sessionKey) {
        return Optional.ofNullable(openTranslations.get(deviceId + "\u0000" + sessionKey));
    }

    @Override
    public synchronized void save(Association a) {
        replace(associations, a.mac(), a, x -> x.id() == a.id());
        String key = a.deviceId() + "\u0000" + a.mac();
        if (a.end() == null) {
            openAssociations.put(key, a);
        } else if (openAssociations.containsKey(key) && openAssociations.get(key).id() == a.id()) {
            openAssociations.remove(key);
        }
    }

    @Override
    public synchronized List<Association> associations(String mac, Instant from, Instant to) {
        return select(associations, mac, a -> Interval.overlaps(a.start(), a.end(), from, to));
    }

    @Override
    public synchronized Optional<Association> openAssociation(String deviceId, String mac) {
        return Optional.ofNullable(openAssociations.get(deviceId + "\u0000" + mac));
    }

    private static <T> void replace(Map<String, List<T>> map, String key, T value, Predicate<T> sameId) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        list.removeIf(sameId);
        list.add(value);
    }

    private static <T> List<T> select(Map<String, List<T>> map, String key, Predicate<T> filter) {
        return map.getOrDefault(key, List.of()).stream().filter(filter).toList();
    }
}
