package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's seal-signing key: the key that signs every daily seal statement.
 *
 * <p>Kept in {@code <folder>/appliance.p12} (PKCS#12, mode 600) with the certificate chain beside
 * it in {@code <folder>/appliance.pem}, which is what an auditor passes to
 * {@code openssl cms -verify -CAfile}. On first start a self-signed certificate is made; an
 * operator may instead import a key and certificate issued by their own CA. A replaced key is
 * never deleted: its files are renamed to {@code appliance-retired-<fingerprint>.*} so that seals
 * made with it still verify ({@link #trustedCertificates}).
 */
public final class ApplianceSigningKey {
    public static final String KEY_STORE_FILE = "appliance.p12";
    public static final String CERTIFICATE_FILE = "appliance.pem";
    private static final String RETIRED_PREFIX = "appliance-retired-";
    private static final String ALIAS = "appliance-seal";
    /** Seals must verify for as long as a court case may run; the time stamp shows when they were made. */
    private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(30L * 365);
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceSigningKey.class);

    private final KeyStoreFiles.KeyWithChain entry;
    private final Path folder;

    private ApplianceSigningKey(KeyStoreFiles.KeyWithChain entry, Path folder) {
        this.entry = entry;
        this.folder = folder;
    }

    /**
     * Loads the appliance key from {@code folder}, or makes a new EC P-256 key with a self-signed
     * certificate named after the appliance when there is none yet.
     */
    public static ApplianceSigningKey loadOrCreate(Path folder, char[] password, String applianceName)
            throws IOException {
        Files.createDirectories(folder);
        Path keyStore = folder.resolve(KEY_STORE_FILE);
        if (Files.exists(keyStore)) {
            ApplianceSigningKey key = new ApplianceSigningKey(KeyStoreFiles.readPkcs12(keyStore, password), folder);
            key.writeCertificateIfMissing();
            return key;
        }
        KeyPair keys = Certificates.newKeyPair();
        X509Certificate certificate = Certificates.selfSignedSigner(keys,
                "LogMaster seal signer " + applianceName, SELF_SIGNED_VALIDITY);
        KeyStoreFiles.KeyWithChain entry = new KeyStoreFiles.KeyWithChain(keys.getPrivate(), List.of(certificate));
        KeyStoreFiles.writePkcs12(keyStore, ALIAS, entry, password);
        ApplianceSigningKey key = new ApplianceSigningKey(entry, folder);
        key.writeCertificateIfMissing();
        LOG.info("created appliance seal-signing key {} (self-signed, SHA-256 fingerprint {})",
                certificate.getSubjectX500Principal().getName(), key.fingerprint());
        return key;
    }

    /**
     * Makes an operator-supplied PKCS#12 (a key and certificate from their CA) the appliance key.
     * The key must be able to sign and its certificate must allow digital signatures; a key
     * already in {@code folder} is retired, not deleted.
     */
    public static ApplianceSigningKey importPkcs12(Path operatorFile, char[] operatorPassword, Path folder,
                                                   char[] password) throws IOException {
        KeyStoreFiles.KeyWithChain entry = KeyStoreFiles.readPkcs12(operatorFile, operatorPassword);
        checkUsableForSealing(entry);
        Files.createDirectories(folder);
        retireCurrentKey(folder);
        KeyStoreFiles.writePkcs12(folder.resolve(KEY_STORE_FILE), ALIAS, entry, password);
        ApplianceSigningKey key = new ApplianceSigningKey(entry, folder);
        key.writeCertificateIfMissing();
        LOG.info("imported appliance seal-signing key {} (SHA-256 fingerprint {})",
                entry.certificate().getSubjectX500Principal().getName(), key.fingerprint());
        return key;
    }

    /** Every signer certificate this appliance has used: the current one and all retired ones. */
    public static List<X509Certificate> trustedCertificates(Path folder) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals(CERTIFICATE_FILE) || (name.startsWith(RETIRED_PREFIX) && name.endsWith(".pem"))) {
                    certificates.add(KeyStoreFiles.readPem(file).getFirst());
                }
            }
        }
        return certificates;
    }

    public X509Certificate certificate() {
        return entry.certificate();
    }

    /** The signer certificate first, then any CA certificates that came with it. */
    public List<X509Certificate> chain() {
        return entry.chain();
    }

    /** SHA-256 fingerprint of the signer certificate, lower-case hex. */
    public String fingerprint() {
        return Certificates.sha256Fingerprint(certificate());
    }

    /** The PEM file an auditor gives openssl as {@code -CAfile}. */
    public Path certificateFile() {
        return folder.resolve(CERTIFICATE_FILE);
    }

    PrivateKey privateKey() {
        return entry.key();
    }

    private void writeCertificateIfMissing() throws IOException {
        if (!Files.exists(certificateFile())) {
            KeyStoreFiles.writePem(certificateFile(), chain());
        }
    }

    private static void retireCurrentKey(Path folder) throws IOException {
        Path pem = folder.resolve(CERTIFICATE_FILE);
        Path keyStore = folder.resolve(KEY_STORE_FILE);
        if (!Files.exists(keyStore)) {
            return;
        }
        String tag = Files.exists(pem)
                ? Certificates.sha256Fingerprint(KeyStoreFiles.readPem(pem).getFirst()).substring(0, 16)
                : Long.toString(System.currentTimeMillis());
        Files.move(keyStore, folder.resolve(RETIRED_PREFIX + tag + ".p12"));
        if (Files.exists(pem)) {
            Files.move(pem, folder.resolve(RETIRED_PREFIX + tag + ".pem"));
        }
        LOG.info("retired the previous appliance seal-signing key as {}{}.*", RETIRED_PREFIX, tag);
    }

    private static void checkUsableForSealing(KeyStoreFiles.KeyWithChain entry) throws IOException {
        X509Certificate certificate = entry.certificate();
        boolean[] usage = certificate.getKeyUsage();
        // keyUsage bits 0 and 1: digitalSignature, nonRepudiation (contentCommitment)
        if (usage != null && !(usage[0] || usage.length > 1 && usage[1])) {
            throw new IOException("the certificate " + certificate.getSubjectX500Principal().getName()
                    + " does not allow digital signatures (keyUsage lacks digitalSignature and nonRepudiation)");
        }
        try {
            certificate.checkValidity();
            String algorithm = Certificates.signatureAlgorithm(entry.key());
            byte[] probe = "logmaster key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(entry.key());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IOException("the private key does not belong to the certificate "
                        + certificate.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the key cannot be used for sealing: " + e.getMessage(), e);
        }
    }
}
