package org.logmaster.console.ui.export;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.logmaster.api.v1.ExportSummary;
import org.logmaster.console.client.EvidenceBundleCheck;
import org.logmaster.console.client.EvidenceBundleCheck.Check;

/** A saved bundle: where, the collector's summary and this console's own checks of the file. */
record ExportResult(Path file, ExportSummary summary, List<Check> checks) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    boolean verified() {
        return EvidenceBundleCheck.allPassed(checks);
    }

    /** The lines the result dialog shows, and what the operator copies into the case file. */
    String describe() {
        NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
        counts.setGroupingUsed(true);
        StringBuilder text = new StringBuilder();
        text.append("Saved: ").append(file).append('\n');
        text.append("Size: ").append(counts.format(summary.getSize())).append(" bytes · ")
                .append(summary.getDays()).append(summary.getDays() == 1 ? " device day · " : " device days · ")
                .append(counts.format(summary.getEvents())).append(" events\n");
        text.append("Manifest SHA-256 (note it in the case file): ").append(summary.getManifestSha256()).append('\n');
        if (summary.hasTsaTime()) {
            text.append("Time stamp: ").append(TIME.format(Instant.ofEpochSecond(summary.getTsaTime().getSeconds())
                    .atZone(ZoneId.systemDefault()))).append(" by ").append(summary.getTsaLabel()).append('\n');
        }
        if (summary.getBuiltinTsa()) {
            text.append("WARNING: stamped by the built-in lab TSA — not legal evidence. Configure a real TSA.\n");
        }
        text.append('\n').append(verified() ? "Checked on this computer: OK" : "Checked on this computer: FAILED")
                .append('\n');
        for (Check check : checks) {
            text.append(check.passed() ? "  OK      " : "  FAILED  ").append(check.name())
                    .append(check.detail().isEmpty() ? "" : ": " + check.detail()).append('\n');
        }
        return text.toString();
    }
}
