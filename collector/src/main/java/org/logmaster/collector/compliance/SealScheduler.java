package org.logmaster.collector.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.DailySealer;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.SealRun;
import org.logmaster.collector.seal.SealedDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals every closed day in the running collector: once at start (which catches up days missed
 * while it was down, and indexes seals made by the {@code seal} command), then shortly after each
 * day boundary of the configured zone. It runs on its own thread, so a slow or unreachable TSA
 * never holds up ingest; a pass with failures is retried with doubling back-off (capped), each
 * failure logged and handed to the failure hook (alerts).
 */
public final class SealScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SealScheduler.class);
    /** Lets the writer finish the last batch of the old day before its file is sealed. */
    static final Duration AFTER_BOUNDARY = Duration.ofMinutes(1);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private final DailySealer sealer;
    private final SealRecords records;
    private final Path dataDir;
    private final ZoneId zone;
    private final Clock clock;
    private final Consumer<SealRun.Failure> onFailure;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seal-scheduler").daemon().factory());
    private Duration retry = FIRST_RETRY;

    public SealScheduler(DailySealer sealer, SealRecords records, Path dataDir, ZoneId zone, Clock clock,
                         Consumer<SealRun.Failure> onFailure) {
        this.sealer = sealer;
        this.records = records;
        this.dataDir = dataDir;
        this.zone = zone;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /** Runs the first pass now (in the background) and plans the following ones. */
    public void start() {
        thread.execute(this::passAndPlan);
    }

    /**
     * One pass: seals every closed, unsealed day, records the new seals, and records seals found
     * on disk without a row.
     */
    public SealRun sealNow() {
        SealRun run = sealer.sealClosedDays(dataDir, zone, LocalDate.ofInstant(clock.instant(), zone));
        run.sealed().forEach(records::recordSealed);
        indexUnrecordedSeals();
        for (SealRun.Failure failure : run.failures()) {
            LOG.warn("seal pass: {} {} left unsealed: {}", failure.device(), failure.day(), failure.reason());
            onFailure.accept(failure);
        }
        return run;
    }

    /**
     * When the next pass runs: shortly after the next day boundary, or sooner when this pass left
     * days unsealed.
     */
    static Duration untilNextPass(Instant now, ZoneId zone, boolean failed, Duration retry) {
        Instant boundary = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant()
                .plus(AFTER_BOUNDARY);
        Duration untilBoundary = Duration.between(now, boundary);
        return failed && retry.compareTo(untilBoundary) < 0 ? retry : untilBoundary;
    }

    private void passAndPlan() {
        boolean failed;
        try {
            failed = !sealNow().failures().isEmpty();
        } catch (RuntimeException e) {
            LOG.error("seal pass failed; retrying in {}", retry, e);
            failed = true;
        }
        Duration wait = untilNextPass(clock.instant(), zone, failed, retry);
        retry = failed ? min(retry.multipliedBy(2), MAX_RETRY) : FIRST_RETRY;
        if (!thread.isShutdown()) {
            thread.schedule(this::passAndPlan, wait.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("next seal pass in {} min", wait.toMinutes());
        }
    }

    private void indexUnrecordedSeals() {
        try {
            for (DeviceId device : SealFiles.devices(dataDir)) {
                indexUnrecordedSeals(device);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot index existing seals under {}: {}", dataDir, e.toString());
        }
    }

    private void indexUnrecordedSeals(DeviceId device) throws IOException {
        for (LocalDate day : SealFiles.sealedDays(dataDir, device)) {
            records.ensureIndexed(dataDir, device, day);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
