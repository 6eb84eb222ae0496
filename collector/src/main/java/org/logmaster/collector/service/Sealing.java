package org.logmaster.collector.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.grpc.BindableService;
import org.logmaster.collector.api.ComplianceGrpcService;
import org.logmaster.collector.api.ExportGrpcService;
import org.logmaster.collector.compliance.ComplianceStatus;
import org.logmaster.collector.compliance.OnDemandVerification;
import org.logmaster.collector.export.EvidenceBundle;
import org.logmaster.collector.index.EventSearch;

import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.compliance.SealScheduler;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.seal.SealEnvironment;

/** Daily sealing in the running collector: the opened seal set-up and its scheduler. */
final class Sealing implements AutoCloseable {
    private final SealEnvironment environment;
    private final SealScheduler scheduler;

    private Sealing(SealEnvironment environment, SealScheduler scheduler) {
        this.environment = environment;
        this.scheduler = scheduler;
    }

    static Sealing start(CollectorConfig config, IndexDatabase index, Clock clock) throws IOException {
        SealEnvironment environment = SealSetup.open(config);
        // failures are logged by the scheduler; an alert hook plugs in here once alerts exist
        SealScheduler scheduler = new SealScheduler(environment.sealer(clock), new SealRecords(index.dsl()),
                config.dataDir(), config.zone(), clock, failure -> { });
        scheduler.start();
        return new Sealing(environment, scheduler);
    }

    SealEnvironment environment() {
        return environment;
    }

    /** ComplianceService and ExportService over this set-up. */
    List<BindableService> services(CollectorConfig config, IndexDatabase index, EventSearch search, Clock clock)
            throws IOException {
        SealRecords records = new SealRecords(index.dsl());
        ComplianceStatus status = new ComplianceStatus(config.dataDir(), config.zone(), records,
                Duration.ofMinutes(config.seal().lateAfterMinutes()), clock);
        OnDemandVerification verification = new OnDemandVerification(config.dataDir(), config.zone(),
                environment.verifier(), clock);
        EvidenceBundle bundle = new EvidenceBundle(config.dataDir(), config.zone(), environment, search, clock);
        return List.of(new ComplianceGrpcService(status, verification, records, config.zone()),
                new ExportGrpcService(bundle, environment.tsa().label(), environment.tsa().isBuiltIn()));
    }

    @Override
    public void close() {
        scheduler.close();
        environment.close();
    }
}
