package org.logmaster.collector.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.audit.AuditVerification;
import org.logmaster.collector.audit.AuditVerifier;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.index.IndexDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks the audit trail's hash chain in the index, while the collector runs or not. */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = {"Check the audit trail's hash chain and name the first broken link.",
                "Exit code 0: intact; 1: broken; 2: bad configuration; 4: index unreachable."})
final class VerifyAuditCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        CollectorConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        AuditVerification result;
        try (IndexDatabase index = ConfigOption.openIndex(cfg)) {
            result = new AuditVerifier(new AuditTrail(index.dsl(), Clock.systemUTC())).verify();
        } catch (IndexDatabase.IndexUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            return 4;
        }
        if (result.intact()) {
            System.out.printf("audit trail intact: %d entries, head hash %s%n", result.entriesChecked(), result.headHash());
            System.out.println("note the head hash: a later check that does not reach it reveals a cut-off trail");
            return 0;
        }
        System.out.printf("audit trail BROKEN at entry %d: %s%n", result.brokenAtSeq(), result.problem());
        System.out.printf("the %d entries before it are intact (last good hash %s)%n", result.entriesChecked(), result.headHash());
        return 1;
    }
}
