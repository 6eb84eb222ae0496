package org.logmaster.collector.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.grpc.BindableService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.logmaster.collector.archive.ArchivePolicy;
import org.logmaster.collector.archive.ArchiveRun;
import org.logmaster.collector.archive.DayArchive;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.config.ArchiveSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.logmaster.collector.alert.SystemAlerts;

/** Daily sealing in the running collector: the opened seal set-up and its scheduler. */
final class Sealing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sealing.class);
    private final SealEnvironment environment;
    private final SealScheduler scheduler;
    private final ScheduledExecutorService archiving = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("archive").daemon().factory());

    private Sealing(SealEnvironment environment, SealScheduler scheduler) {
        this.environment = environment;
        this.scheduler = scheduler;
    }

    static Sealing start(CollectorConfig config, IndexDatabase index, Clock clock, SystemAlerts alerts)
            throws IOException {
        SealEnvironment environment = SealSetup.open(config);
        String tsa = environment.tsa().label();
        Duration grace = Duration.ofHours(config.alerts().system().sealGraceHours());
        // the scheduler logs and retries failures; the alert stage raises them (TSA trouble as its own rule)
        SealScheduler scheduler = new SealScheduler(environment.sealer(clock), new SealRecords(index.dsl()),
                config.dataDir(), config.zone(), clock,
                alerts == null ? failure -> { } : new SealFailureAlerts(alerts, tsa, config.zone(), grace, clock));
        scheduler.start();
        Sealing sealing = new Sealing(environment, scheduler);
        ArchiveSettings settings = config.archive();
        DayArchive archive = new DayArchive(config.dataDir(), config.zone(), new ArchivePolicy(
                settings.compressAfterDays(), settings.retentionDays(), settings.deleteUnsealed()),
                new SealRecords(index.dsl()), new AuditTrail(index.dsl(), clock), clock);
        // hourly is often enough to follow the day boundary; a pass over unchanged folders only lists them
        sealing.archiving.scheduleWithFixedDelay(() -> archivePass(archive), 10, 60, TimeUnit.MINUTES);
        return sealing;
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

    private static void archivePass(DayArchive archive) {
        try {
            ArchiveRun run = archive.run();
            run.failures().forEach(f -> LOG.warn("archive: {} left as it is: {}", f.day(), f.reason()));
        } catch (IOException | RuntimeException e) {
            LOG.error("archive pass failed; next try in an hour", e);
        }
    }

    @Override
    public void close() {
        archiving.shutdownNow();
        scheduler.close();
        environment.close();
    }
}
