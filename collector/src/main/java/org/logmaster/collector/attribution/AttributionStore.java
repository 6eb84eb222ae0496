package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where attribution records live. The in-memory implementation serves tests and small
 * installations; the index maps the same operations onto tables (one per record kind,
 * indexed by address and start). Records are immutable values: {@code save} inserts a
 * record with a new id or replaces the one with the same id.
 *
 * <p>Interval queries return every record whose interval meets {@code [from, to]}, a record
 * without an end counting as open to the future.
 */
public interface AttributionStore {
    /** A new record id, unique in this store. */
    long nextId();

    void save(Lease lease);

    List<Lease> leases(String ip, Instant from, Instant to);

    void save(StaticAssignment assignment);

    List<StaticAssignment> statics(String ip);

    void save(Translation translation);

    /** Translations whose outside address is {@code outsideIp}. */
    List<Translation> translations(String outsideIp, Instant from, Instant to);

    /** The translation of this device and session key that has no end yet. */
    Optional<Translation> openTranslation(String deviceId, String sessionKey);

    void save(Association association);

    List<Association> associations(String mac, Instant from, Instant to);

    /** The association of this MAC at this access point that has no end yet. */
    Optional<Association> openAssociation(String deviceId, String mac);
}
