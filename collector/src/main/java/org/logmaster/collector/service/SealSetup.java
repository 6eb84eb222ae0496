package org.logmaster.collector.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.SealSettings;
import org.logmaster.collector.seal.ApplianceSigningKey;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.TimeStampClient;
import org.logmaster.collector.tls.ApplianceCertificate;

/** Turns the {@code seal:} configuration into an opened {@link SealEnvironment}; used by the collector and the CLI. */
public final class SealSetup {
    private SealSetup() {
    }

    /** Opens the seal key and TSA the configuration names (starting the built-in TSA if that is the choice). */
    public static SealEnvironment open(CollectorConfig config) throws IOException {
        SealSettings seal = config.seal();
        Path keyDir = seal.keyDir(config.dataDir());
        char[] password = seal.keyPassword().toCharArray();
        String name = ApplianceCertificate.localHostName();
        if (SealSettings.BUILTIN.equals(seal.tsa())) {
            return SealEnvironment.withBuiltInTsa(keyDir, password, name);
        }
        TimeStampClient.Settings settings = TimeStampClient.Settings.forUrl(URI.create(seal.tsaUrl()))
                .withTimeout(Duration.ofSeconds(seal.tsaTimeoutSeconds()));
        if (SealSettings.KAMUSM.equals(seal.tsa())) {
            settings = settings.withLabel("Kamu SM TSA " + settings.url().getHost(), false)
                    .withKamuSm(seal.kamuSmCustomerNumber(), seal.kamuSmPassword());
        } else if (seal.tsaUser() != null) {
            settings = settings.withBasicAuth(seal.tsaUser(), seal.tsaPassword());
        }
        return SealEnvironment.withExternalTsa(keyDir, password, name, settings,
                Optional.ofNullable(seal.tsaTrustAnchors()));
    }

    /** What {@code init} does: creates the appliance seal key (and the built-in TSA's) if absent. */
    public static ApplianceSigningKey createKeys(CollectorConfig config) throws IOException {
        SealSettings seal = config.seal();
        return SealEnvironment.createKeys(seal.keyDir(config.dataDir()), seal.keyPassword().toCharArray(),
                ApplianceCertificate.localHostName(), SealSettings.BUILTIN.equals(seal.tsa()));
    }
}
