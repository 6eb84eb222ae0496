package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sealing set-up of one appliance, opened once: the seal-signing key, the time-stamp source
 * (the built-in lab TSA served on a loopback port, or a client of an external TSA) and the trust
 * anchors a verifier needs. Both the running collector and the command-line tools open it.
 *
 * <p>The built-in TSA's key lives in the same key folder. Its root stays a trust anchor even
 * after an external TSA is configured, so days sealed in the lab phase still verify (and stay
 * labelled as lab stamps).
 */
public final class SealEnvironment implements AutoCloseable {
    private final Path keyDir;
    private final ApplianceSigningKey key;
    private final BuiltInTsa builtIn;
    private final TimeStampClient client;
    private final List<X509Certificate> externalAnchors;

    private SealEnvironment(Path keyDir, ApplianceSigningKey key, BuiltInTsa builtIn, TimeStampClient client,
                            List<X509Certificate> externalAnchors) {
        this.keyDir = keyDir;
        this.key = key;
        this.builtIn = builtIn;
        this.client = client;
        this.externalAnchors = List.copyOf(externalAnchors);
    }

    /** Creates the appliance key (and the built-in TSA's key when asked) if absent; what {@code init} does. */
    public static ApplianceSigningKey createKeys(Path keyDir, char[] password, String applianceName,
                                                 boolean builtInTsa) throws IOException {
        ApplianceSigningKey key = ApplianceSigningKey.loadOrCreate(keyDir, password, applianceName);
        if (builtInTsa) {
            BuiltInTsa.loadOrCreate(keyDir, password).close();
        }
        return key;
    }

    /** Opens the key and starts the built-in lab TSA on a free loopback port. */
    public static SealEnvironment withBuiltInTsa(Path keyDir, char[] password, String applianceName)
            throws IOException {
        ApplianceSigningKey key = ApplianceSigningKey.loadOrCreate(keyDir, password, applianceName);
        BuiltInTsa tsa = BuiltInTsa.loadOrCreate(keyDir, password);
        try {
            tsa.start(0);
            return new SealEnvironment(keyDir, key, tsa, tsa.client(), List.of());
        } catch (IOException | RuntimeException e) {
            tsa.close();
            throw e;
        }
    }

    /**
     * Opens the key and a client of an external TSA.
     *
     * @param anchorsPem PEM file with the TSA's root certificates, or empty to accept any TSA
     *                   certificate when stamping (verification then has no anchor for it)
     */
    public static SealEnvironment withExternalTsa(Path keyDir, char[] password, String applianceName,
                                                  TimeStampClient.Settings settings, Optional<Path> anchorsPem)
            throws IOException {
        ApplianceSigningKey key = ApplianceSigningKey.loadOrCreate(keyDir, password, applianceName);
        List<X509Certificate> anchors = anchorsPem.isPresent() ? KeyStoreFiles.readPem(anchorsPem.get()) : List.of();
        BuiltInTsa retiredLab = Files.exists(keyDir.resolve(BuiltInTsa.KEY_STORE_FILE))
                ? BuiltInTsa.loadOrCreate(keyDir, password) : null;
        return new SealEnvironment(keyDir, key, retiredLab, new TimeStampClient(settings.withTrustAnchors(anchors)),
                anchors);
    }

    public ApplianceSigningKey key() {
        return key;
    }

    /** Where new time stamps come from. */
    public TimeStampSource tsa() {
        return client;
    }

    public DailySealer sealer(Clock clock) {
        return new DailySealer(key, client, clock);
    }

    /**
     * A detached CMS signature (DER) over {@code content} with the appliance key, carrying the
     * CAdES signing-certificate-v2 and signing-time attributes: what signs evidence bundles.
     */
    public byte[] signDetached(byte[] content, Instant signingTime) {
        return StatementSignature.sign(content, key, signingTime);
    }

    /** Roots whose time stamps verification accepts: the external TSA's, and the built-in TSA's if it exists. */
    public List<X509Certificate> tsaTrustAnchors() {
        List<X509Certificate> anchors = new ArrayList<>(externalAnchors);
        if (builtIn != null) {
            anchors.add(builtIn.rootCertificate());
        }
        return anchors;
    }

    /** A verifier trusting every key this appliance has sealed with, and {@link #tsaTrustAnchors()}. */
    public SealVerifier verifier() throws IOException {
        return new SealVerifier(ApplianceSigningKey.trustedCertificates(keyDir), tsaTrustAnchors());
    }

    /** PEM files an auditor needs: the appliance certificate and, for lab stamps, the built-in TSA's. */
    public List<Path> certificateFiles() {
        List<Path> files = new ArrayList<>(List.of(key.certificateFile()));
        if (builtIn != null) {
            files.add(builtIn.rootCertificateFile());
            files.add(builtIn.certificateFile());
        }
        return files;
    }

    /** The TSA roots as PEM text, for bundles and auditors. */
    public String tsaTrustAnchorsPem() {
        return KeyStoreFiles.toPem(tsaTrustAnchors());
    }

    @Override
    public void close() {
        client.close();
        if (builtIn != null) {
            builtIn.close();
        }
    }
}
