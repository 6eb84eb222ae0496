package org.logmaster.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.BuiltInTsa;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.SealedDay;

/** The seal configuration turned into keys and a TSA, as the collector and the commands open them. */
class SealSetupTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    @TempDir
    Path root;

    private CollectorConfig config(String seal) throws Exception {
        return new ConfigLoader().parse("data-dir: " + root.resolve("data") + "\ntime-zone: Europe/Istanbul\n" + seal,
                "test.yaml");
    }

    @Test
    void theDefaultIsTheLabelledBuiltInTsaWithKeysUnderTheDataFolder() throws Exception {
        try (SealEnvironment seals = SealSetup.open(config(""))) {
            assertThat(seals.tsa().isBuiltIn()).isTrue();
            assertThat(seals.tsa().label()).isEqualTo(BuiltInTsa.LABEL);
            assertThat(seals.key().certificateFile()).isEqualTo(root.resolve("data/keys/seal/appliance.pem"));
        }
    }

    @Test
    void anExternalTsaByUrlStampsAndItsRootIsTheVerifiersAnchor() throws Exception {
        try (BuiltInTsa external = BuiltInTsa.loadOrCreate(root.resolve("external-tsa"), "x".toCharArray())) {
            var url = external.start(0);
            CollectorConfig config = config("seal:\n  tsa: url\n  tsa-url: " + url + "\n  tsa-trust-anchors: "
                    + external.rootCertificateFile() + "\n");
            Path log = root.resolve("data/logs/fw-01/" + LocalDate.now(ZONE).minusDays(1) + ".log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, "2026-01-01T00:00:00.000Z 192.0.2.1 <13>hello\n");
            try (SealEnvironment seals = SealSetup.open(config)) {
                assertThat(seals.tsa().isBuiltIn()).isFalse();
                SealedDay sealed = seals.sealer(Clock.systemUTC()).sealDay(config.dataDir(), new DeviceId("fw-01"),
                        LocalDate.now(ZONE).minusDays(1), ZONE);
                assertThat(sealed.statement().tsaLabel()).isEqualTo("TSA 127.0.0.1");
                assertThat(seals.verifier().verifyDevice(config.dataDir(), new DeviceId("fw-01"), ZONE,
                        LocalDate.now(ZONE)).ok()).isTrue();
            }
        }
    }

    @Test
    void initKeysAreKeptAcrossOpens() throws Exception {
        CollectorConfig config = config("");
        String fingerprint = SealSetup.createKeys(config).fingerprint();
        try (SealEnvironment seals = SealSetup.open(config)) {
            assertThat(seals.key().fingerprint()).isEqualTo(fingerprint);
        }
    }
}
