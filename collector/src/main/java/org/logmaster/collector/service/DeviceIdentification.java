package org.logmaster.collector.service;

import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.logmaster.collector.audit.AuditEvent;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.enrich.DeviceAliasStore;
import org.logmaster.collector.enrich.DeviceRegistry;
import org.logmaster.collector.enrich.NeighbourTable;
import org.logmaster.collector.enrich.RegisteredDeviceResolver;
import org.logmaster.collector.enrich.SenderAssignment;
import org.logmaster.collector.enrich.UnknownSenders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device identity in the data path: the registry, the resolver the writer files frames with
 * (registered static IP, else neighbour-table MAC, else the sender's address-derived id), the
 * unknown senders and the former ids of devices. When a sender is assigned to a registered
 * device, its daily files stay where they are and the old id becomes an alias of the device
 * ({@link DeviceAliasStore} says why); the assignment is written to the audit trail.
 */
final class DeviceIdentification implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceIdentification.class);
    static final String ASSIGN_ACTION = "collector.assign-sender";

    private final DeviceRegistry registry;
    private final DeviceAliasStore aliases;
    private final RegisteredDeviceResolver resolver;
    private final AuditTrail audit;
    private final Clock clock;

    DeviceIdentification(DSLContext db, NeighbourTable neighbours, AuditTrail audit, Clock clock) {
        this.registry = new DeviceRegistry(db, clock);
        this.aliases = new DeviceAliasStore(db);
        this.audit = audit;
        this.clock = clock;
        this.resolver = new RegisteredDeviceResolver(registry, neighbours, new UnknownSenders(db));
        resolver.onSenderAssigned(this::assigned);
    }

    /** Starts the periodic neighbour-table refresh and the unknown-sender bookkeeping. */
    void start() {
        resolver.start(Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /**
     * Runs after the resolver files the sender's new frames under the device, so every frame
     * filed under the old id arrived before {@code at}: the alias's end covers exactly them.
     */
    private void assigned(SenderAssignment assignment) {
        boolean recorded = aliases.record(assignment, clock.instant());
        log.info("sender {}: messages filed under {} until now belong to {}; new ones go to its folder",
                assignment.sender().getHostAddress(), assignment.previous(), assignment.device());
        if (recorded) {
            audit.append(new AuditEvent(null, null, ASSIGN_ACTION, assignment.device().value(), AuditEvent.OK,
                    "sender " + assignment.sender().getHostAddress() + " was filed as " + assignment.previous()
                            + "; those daily files stay and count as the device's"));
        }
    }

    DeviceRegistry registry() {
        return registry;
    }

    DeviceAliasStore aliases() {
        return aliases;
    }

    RegisteredDeviceResolver resolver() {
        return resolver;
    }

    @Override
    public void close() {
        resolver.close();
    }
}
