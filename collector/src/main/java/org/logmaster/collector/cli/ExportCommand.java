package org.logmaster.collector.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.logmaster.collector.audit.AuditEvent;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.enrich.DeviceAliasStore;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.export.EvidenceBundle;
import org.logmaster.collector.export.ExportRequest;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.TimeStampException;
import org.logmaster.collector.service.SealSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a signed evidence bundle for a court from the appliance's shell; audited like the API's export. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a signed, time-stamped evidence bundle (zip, ASiC-E layout): the sealed daily files, "
                + "the matching events as CSV and JSON Lines, manifest.json, certificates and VERIFY.txt.",
                "Exit code 0: written; 1: failed (no time stamp, I/O); 2: bad arguments or configuration."})
final class ExportCommand implements Callable<Integer> {
    static final String ACTION = "collector.export";

    @Mixin
    ConfigOption config;

    @Option(names = "--case", required = true, paramLabel = "NUMBER", description = "Case or file number of the request.")
    String caseNumber;

    @Option(names = "--requester", required = true, paramLabel = "WHO", description = "Court or authority asking.")
    String requester;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the evidence is needed.")
    String reason;

    @Option(names = {"-d", "--device"}, paramLabel = "ID", description = "Device id (repeatable; default: every device).")
    List<String> devices = List.of();

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Arrival at or after: ISO-8601 instant.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "Arrival before: ISO-8601 instant.")
    String to;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "Only events whose message contains this.")
    String text;

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "Only events mentioning this IP (repeatable).")
    List<String> ips = List.of();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The zip to write (must not exist).")
    Path output;

    @Override
    public Integer call() throws IOException {
        CollectorConfig cfg;
        ExportRequest request;
        try {
            cfg = config.load();
            Instant now = Instant.now();
            request = new ExportRequest(caseNumber, requester, reason, devices.stream().map(DeviceId::new).toList(),
                    SearchCommand.time(from, now, "--from"), SearchCommand.time(to, now, "--to"), text, ips);
        } catch (ConfigException | IllegalArgumentException | NullPointerException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try (SealEnvironment seals = SealSetup.open(cfg); IndexDatabase index = ConfigOption.openIndex(cfg)) {
            AuditTrail audit = new AuditTrail(index.dsl(), Clock.systemUTC());
            String who = System.getProperty("user.name") + " (shell)";
            EvidenceBundle bundle = new EvidenceBundle(cfg.dataDir(), cfg.zone(), seals,
                    new EventSearch(index, new DeviceAliasStore(index.dsl())), Clock.systemUTC());
            EvidenceBundle.Summary summary;
            try (OutputStream out = Files.newOutputStream(output, StandardOpenOption.CREATE_NEW)) {
                summary = bundle.write(request, out);
            } catch (FileAlreadyExistsException e) {
                System.err.println("error: " + output + " exists; choose a new file name");
                return 2;
            } catch (TimeStampException | IOException e) {
                Files.deleteIfExists(output);
                audit.append(new AuditEvent(who, null, ACTION, request.caseNumber(), "FAILED", e.getMessage()));
                System.err.println("error: no bundle written: " + e.getMessage());
                return 1;
            }
            audit.append(new AuditEvent(who, null, ACTION, request.caseNumber(), AuditEvent.OK, describe(request, summary)));
            System.out.printf("wrote %s: %d days, %d events, manifest SHA-256 %s, time-stamped %s by %s%n",
                    output.toAbsolutePath(), summary.days(), summary.events(), summary.manifestSha256(),
                    summary.tsaTime(), seals.tsa().label());
            System.out.println("verification steps: VERIFY.txt inside the bundle");
            return 0;
        }
    }

    static String describe(ExportRequest r, EvidenceBundle.Summary s) {
        return "requester=" + r.requester() + "; reason=" + r.reason() + "; devices=" + r.devices() + "; from="
                + r.from() + "; to=" + r.to() + "; text=" + r.text() + "; ips=" + r.ips() + "; days=" + s.days()
                + "; events=" + s.events() + "; manifest-sha256=" + s.manifestSha256();
    }
}
