package org.logmaster.collector.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.seal.SealEnvironment;

/** Bundles checked the way a court's expert checks them: unzip, then openssl and sha256sum as VERIFY.txt says. */
class EvidenceBundleTest {
    @TempDir
    Path root;
    private BundleLab lab;

    @BeforeEach
    void setUp() throws Exception {
        lab = new BundleLab(root);
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private Path everything(String name) throws Exception {
        return lab.exportAndUnzip(lab.request(List.of(), null, List.of()), name);
    }

    @Test
    void everyCommandOfVerifyTxtSucceedsOnAnUntouchedBundle() throws Exception {
        Path folder = everything("ok");
        List<String> commands = BundleLab.verifyCommands(folder);
        // manifest signature + stamp, sha256sum -c, and a signature + stamp for each of the 4 sealed days
        assertThat(commands).hasSize(2 + 2 + 4 * 2);
        for (String command : commands) {
            BundleLab.Result result = BundleLab.sh(folder, command);
            assertThat(result.ok()).as(command + "\n" + result.output()).isTrue();
        }
    }

    @Test
    void theZipHasTheAsicLayoutWithMimetypeFirstAndStored() throws Exception {
        everything("layout");
        try (ZipFile zip = new ZipFile(root.resolve("layout.zip").toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertThat(entries.getFirst().getName()).isEqualTo("mimetype");
            assertThat(entries.getFirst().getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(zip.getInputStream(entries.getFirst()).readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("application/vnd.etsi.asic-e+zip");
            assertThat(entries).extracting(ZipEntry::getName).contains("META-INF/manifest.xml",
                    "META-INF/signature.p7s", "META-INF/signature.tsr", "manifest.json", "VERIFY.txt", "SHA256SUMS",
                    "certificates/appliance.pem", "extract/events.csv", "extract/events.jsonl",
                    "days/fw-01/" + lab.day1 + ".log", "days/fw-01/" + lab.day1 + ".seal.tsr");
        }
    }

    @Test
    void theManifestNamesTheCaseTheFiltersAndTheDigestOfEveryFile() throws Exception {
        Path folder = everything("manifest");
        String manifest = Files.readString(folder.resolve("manifest.json"));
        assertThat(manifest).contains("\"case_number\" : \"2026/123 Esas\"", "\"requester\"", "\"reason\"",
                "\"created\"", "\"filters\"", "\"builtin_tsa\" : true");
        String logSum = BundleLab.run(folder, "sha256sum", "days/fw-01/" + lab.day2 + ".log").output().substring(0, 64);
        assertThat(manifest).contains("\"path\" : \"days/fw-01/" + lab.day2 + ".log\",\n    \"sha256\" : \"" + logSum);
        String sumsSum = BundleLab.run(folder, "sha256sum", "SHA256SUMS").output().substring(0, 64);
        assertThat(manifest).contains(sumsSum);
    }

    @Test
    void theExtractHoldsOnlyEventsOfTheRequestedDevicesTextAndIp() throws Exception {
        Path folder = lab.exportAndUnzip(lab.request(List.of(BundleLab.FW), "allow", List.of("10.0.0.1")), "filtered");
        List<String> jsonl = Files.readAllLines(folder.resolve("extract/events.jsonl"));
        List<String> csv = Files.readAllLines(folder.resolve("extract/events.csv"));
        // 10.0.0.1 on each of the two days; not 10.0.0.12 (ap-01) nor 10.0.0.10+
        assertThat(jsonl).hasSize(2).allMatch(line -> line.contains("src=10.0.0.1 "));
        assertThat(csv).hasSize(3);
        assertThat(folder.resolve("days/ap-01")).doesNotExist();
    }

    @Test
    void aChangedByteInADayFileFailsTheChecks() throws Exception {
        Path folder = everything("changed");
        Path log = folder.resolve("days/fw-01/" + lab.day1 + ".log");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(30);
            int b = file.read();
            file.seek(30);
            file.write(b ^ 0x20);
        }
        BundleLab.Result sums = BundleLab.sh(folder, VerifyGuide.SUMS);
        assertThat(sums.ok()).isFalse();
        assertThat(sums.output()).contains("days/fw-01/" + lab.day1 + ".log: FAILED");
        String sealed = BundleLab.sh(folder, "grep '^File-SHA-256: ' days/fw-01/" + lab.day1 + ".seal").output();
        String actual = BundleLab.sh(folder, "sha256sum days/fw-01/" + lab.day1 + ".log").output().substring(0, 64);
        assertThat(sealed).doesNotContain(actual);
    }

    @Test
    void aRemovedLineOfTheExtractFailsTheChecks() throws Exception {
        Path folder = everything("line");
        Path csv = folder.resolve("extract/events.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.remove(2);
        Files.write(csv, lines);
        BundleLab.Result sums = BundleLab.sh(folder, VerifyGuide.SUMS);
        assertThat(sums.ok()).isFalse();
        assertThat(sums.output()).contains("extract/events.csv: FAILED");
    }

    @Test
    void aDeletedDayFailsTheChecks() throws Exception {
        Path folder = everything("deleted");
        Files.delete(folder.resolve("days/ap-01/" + lab.day2 + ".log"));
        BundleLab.Result sums = BundleLab.sh(folder, VerifyGuide.SUMS);
        assertThat(sums.ok()).isFalse();
        assertThat(sums.output()).contains("days/ap-01/" + lab.day2 + ".log: FAILED open or read");
    }

    @Test
    void aFileDroppedFromSha256sumsIsCaughtByTheSignedManifest() throws Exception {
        Path folder = everything("sums");
        Path sums = folder.resolve("SHA256SUMS");
        Files.writeString(sums, Files.readString(sums).replaceAll("(?m)^.*days/ap-01/.*\\.log\\n", ""));
        assertThat(BundleLab.sh(folder, VerifyGuide.SUMS).ok()).isTrue();
        String listed = Files.readString(folder.resolve("manifest.json"));
        String now = BundleLab.sh(folder, "sha256sum SHA256SUMS").output().substring(0, 64);
        assertThat(listed).doesNotContain(now);
        assertThat(BundleLab.sh(folder, VerifyGuide.SUMS_LISTED).ok()).isFalse();
    }

    @Test
    void aChangedManifestFailsItsSignature() throws Exception {
        Path folder = everything("manifest-changed");
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("2026/123 Esas", "2026/124 Esas"));
        assertThat(BundleLab.sh(folder, VerifyGuide.MANIFEST_CMS).ok()).isFalse();
    }

    @Test
    void aForeignCertificateFailsTheSignatureCheck() throws Exception {
        Path folder = everything("foreign");
        try (SealEnvironment other = SealEnvironment.withBuiltInTsa(root.resolve("other-keys"), "pw".toCharArray(),
                "impostor")) {
            Files.copy(other.key().certificateFile(), folder.resolve("certificates/appliance.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BundleLab.Result manifest = BundleLab.sh(folder, VerifyGuide.MANIFEST_CMS);
        assertThat(manifest.ok()).isFalse();
        assertThat(manifest.output()).contains("Verification failure");
        List<String> dayChecks = BundleLab.verifyCommands(folder).stream()
                .filter(c -> c.startsWith("openssl cms") && c.contains("days/")).toList();
        assertThat(dayChecks).isNotEmpty().allSatisfy(c -> assertThat(BundleLab.sh(folder, c).ok()).isFalse());
    }

    @Test
    void anEmptyTimeRangeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExportRequest("c", "r", "why", List.of(),
                lab.day2.atStartOfDay(BundleLab.ZONE).toInstant(), lab.day1.atStartOfDay(BundleLab.ZONE).toInstant(),
                null, List.of())).hasMessageContaining("time range is empty");
    }
}
