package org.logmaster.collector.export;

import java.util.List;

/**
 * The text of {@code VERIFY.txt}: how to check a bundle with openssl and coreutils only. The
 * commands are exact; tests run them as written.
 */
final class VerifyGuide {
    static final String MANIFEST_CMS = "openssl cms -verify -binary -content manifest.json -in META-INF/signature.p7s"
            + " -inform DER -CAfile certificates/appliance.pem -purpose any -out /dev/null";
    static final String SUMS = "sha256sum -c SHA256SUMS";
    /** SHA256SUMS is itself listed in the signed manifest: editing it to hide a change shows here. */
    static final String SUMS_LISTED = "grep -q \"$(sha256sum SHA256SUMS | cut -c1-64)\" manifest.json && echo OK";

    private VerifyGuide() {
    }

    static String manifestTimeStamp(boolean withTsaCertificate) {
        return "openssl ts -verify -data META-INF/signature.p7s -in META-INF/signature.tsr"
                + " -CAfile certificates/tsa-root.pem" + (withTsaCertificate ? " -untrusted certificates/tsa.pem" : "");
    }

    static String dayCms(BundleDay day) {
        return "openssl cms -verify -binary -content " + day.seal() + " -in " + day.seal() + ".p7s"
                + " -inform DER -CAfile certificates/appliance.pem -purpose any -out /dev/null";
    }

    static String dayTimeStamp(BundleDay day, boolean withTsaCertificate) {
        return "openssl ts -verify -data " + day.seal() + ".p7s -in " + day.seal() + ".tsr"
                + " -CAfile certificates/tsa-root.pem" + (withTsaCertificate ? " -untrusted certificates/tsa.pem" : "");
    }

    static String text(ExportRequest request, String applianceFingerprint, String tsaLabel, boolean builtInTsa,
                       boolean withTsaCertificate, List<BundleDay> days) {
        StringBuilder t = new StringBuilder();
        t.append("LogMaster evidence bundle — how to verify it\n");
        t.append("=============================================\n\n");
        t.append("Case: ").append(request.caseNumber()).append('\n');
        t.append("Requested by: ").append(request.requester()).append('\n');
        t.append("Time range: ").append(request.from()).append(" to ").append(request.to()).append(" (UTC)\n\n");
        if (builtInTsa) {
            t.append("WARNING: the time stamps come from the ").append(tsaLabel).append(".\n");
            t.append("They show what the appliance's own clock said and are not evidence of time.\n\n");
        }
        t.append("You need only openssl and sha256sum (coreutils). Unzip the bundle, change into its\n");
        t.append("folder and run each command; each must succeed (exit code 0, \"Verification successful\"\n");
        t.append("or \"OK\"). Any failure means the bundle or a file in it is not what was exported.\n\n");
        t.append("0. Check the appliance certificate against a copy from an independent source (the\n");
        t.append("   operator's records, the appliance's console). Its SHA-256 fingerprint must be:\n");
        t.append("   ").append(applianceFingerprint).append('\n');
        t.append("   openssl x509 -in certificates/appliance.pem -noout -fingerprint -sha256\n\n");
        t.append("1. The manifest is signed by the appliance:\n");
        t.append("   ").append(MANIFEST_CMS).append("\n\n");
        t.append("2. The signature was time-stamped (the time is in: openssl ts -reply -in META-INF/signature.tsr -text):\n");
        t.append("   ").append(manifestTimeStamp(withTsaCertificate)).append("\n\n");
        t.append("3. Every file is the one the manifest lists (manifest.json lists the same digests, and\n");
        t.append("   the digest of SHA256SUMS itself):\n");
        t.append("   ").append(SUMS).append("\n");
        t.append("   ").append(SUMS_LISTED).append("\n\n");
        t.append("4. Each sealed day: its seal statement is signed and time-stamped, and the statement's\n");
        t.append("   File-SHA-256 equals the daily file's digest. A .log.gz file was compressed after sealing:\n");
        t.append("   the statement describes the uncompressed bytes (gunzip -c FILE.log.gz | sha256sum).\n");
        for (BundleDay day : days) {
            t.append("\n   ").append(day.device().value()).append(' ').append(day.day()).append(":\n");
            if (!day.sealed()) {
                t.append("   not sealed (the day was still open, or sealing failed): steps 1-3 vouch for it.\n");
                continue;
            }
            t.append("   ").append(dayCms(day)).append('\n');
            t.append("   ").append(dayTimeStamp(day, withTsaCertificate)).append('\n');
            t.append("   grep '^File-SHA-256: ' ").append(day.seal()).append('\n');
            if (day.log() == null) {
                t.append("   (the daily file is not in the bundle: it was deleted after its retention period)\n");
            } else if (day.log().endsWith(".gz")) {
                t.append("   gunzip -c ").append(day.log()).append(" | sha256sum\n");
            } else {
                t.append("   sha256sum ").append(day.log()).append('\n');
            }
        }
        t.append("\nThe extract (extract/events.csv and extract/events.jsonl) holds the indexed events that\n");
        t.append("match the request; each names its daily file and byte offset (file_day, file_offset), so\n");
        t.append("every event can be found in the sealed original.\n");
        return t.toString();
    }
}
