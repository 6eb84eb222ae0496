package org.logmaster.collector.service;

import java.io.IOException;
import java.time.Clock;

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

    @Override
    public void close() {
        scheduler.close();
        environment.close();
    }
}
