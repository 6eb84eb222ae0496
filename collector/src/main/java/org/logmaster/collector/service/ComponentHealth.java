package org.logmaster.collector.service;

import org.logmaster.collector.api.GrpcServer;

/**
 * The health of the parts an operator asks about one by one (grpc.health.v1 service names):
 * {@code logmaster.storage} (daily files and index written), {@code logmaster.disk} (data folder
 * below the disk-usage threshold) and {@code logmaster.tsa} (the last time stamp succeeded).
 * The server's own status ("") is storage and disk together: a TSA outage delays seals but
 * the collector still keeps every message.
 */
final class ComponentHealth {
    static final String STORAGE = "logmaster.storage";
    static final String DISK = "logmaster.disk";
    static final String TSA = "logmaster.tsa";

    private ComponentHealth() {}

    static void report(GrpcServer server, AlertStage alerts) {
        server.component(STORAGE, alerts.storageHealthy());
        server.component(DISK, alerts.diskHealthy());
        server.component(TSA, alerts.tsaHealthy());
    }
}
