package org.logmaster.collector.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's TLS identity: a private key and its certificate, kept in a PKCS#12 file. On first start
 * the file does not exist and a self-signed certificate is made and stored (readable by the owner only);
 * afterwards it is loaded, so the fingerprint clients pinned stays the same. An operator may replace the
 * file with a certificate from their own CA. Serves every TLS port of the collector (syslog, gRPC).
 */
public final class ApplianceCertificate {
    private static final Logger log = LoggerFactory.getLogger(ApplianceCertificate.class);
    static final String ALIAS = "logmaster";

    private final Path keyStoreFile;
    private final PrivateKey privateKey;
    private final X509Certificate[] chain;

    private ApplianceCertificate(Path keyStoreFile, PrivateKey privateKey, X509Certificate[] chain) {
        this.keyStoreFile = keyStoreFile;
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * Loads the identity from {@code keyStoreFile}, or creates it there when the file does not exist.
     *
     * @param password protects the PKCS#12 file
     * @param hostName the certificate's common name and first subject alternative name, if one is made
     * @throws IOException when the file exists but cannot be read with this password, or cannot be written;
     *                     an existing file is never overwritten
     */
    public static ApplianceCertificate loadOrCreate(Path keyStoreFile, char[] password, String hostName)
            throws IOException {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(hostName, "hostName");
        if (Files.exists(keyStoreFile)) return load(keyStoreFile, password);
        try {
            SelfSignedCertificate.Generated generated = SelfSignedCertificate.generate(hostName, Instant.now());
            ApplianceCertificate created = new ApplianceCertificate(keyStoreFile, generated.keyPair().getPrivate(),
                    new X509Certificate[] {generated.certificate()});
            created.store(password);
            log.info("created a self-signed certificate for {} in {}; SHA-256 fingerprint {}", hostName,
                    keyStoreFile, created.fingerprintSha256());
            return created;
        } catch (FileAlreadyExistsException e) {
            return load(keyStoreFile, password); // another process made it first; use theirs
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the appliance certificate: " + e.getMessage(), e);
        }
    }

    /** This machine's host name for the certificate, "localhost" when it has none. */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName(); // no reverse DNS lookup: appliances often have no DNS
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static ApplianceCertificate load(Path keyStoreFile, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.containsAlias(ALIAS) ? ALIAS : firstKeyAlias(store);
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (key == null || chain == null || chain.length == 0) {
                throw new KeyStoreException("no private key with a certificate under '" + alias + "'");
            }
            X509Certificate[] x509 = new X509Certificate[chain.length];
            for (int i = 0; i < chain.length; i++) x509[i] = (X509Certificate) chain[i];
            return new ApplianceCertificate(keyStoreFile, key, x509);
        } catch (GeneralSecurityException | IOException e) {
            boolean wrongPassword = e instanceof java.security.UnrecoverableKeyException
                    || e.getCause() instanceof java.security.UnrecoverableKeyException;
            throw new IOException("cannot load the appliance certificate from " + keyStoreFile + ": " + (wrongPassword
                    ? "wrong password; check the key store password in the configuration"
                    : "not a readable PKCS#12 key store (" + e + "); fix it, or remove it to have a new self-signed"
                            + " certificate made (clients must then trust its new fingerprint)"), e);
        }
    }

    private static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) return alias;
        }
        throw new KeyStoreException("no private key in it");
    }

    /** Writes a new file only (owner read/write), atomically, so a crash never leaves half a key store. */
    private void store(char[] password) throws IOException, GeneralSecurityException {
        Path target = keyStoreFile.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".appliance-", ".p12.tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, chain);
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            // a plain move would replace a file another process created meanwhile; a link fails instead
            Files.createLink(target, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Path keyStoreFile() {
        return keyStoreFile;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    /** The certificate first, then any CA certificates an operator-supplied file carries. */
    public X509Certificate[] chain() {
        return chain.clone();
    }

    /** SHA-256 of the certificate's DER form in colon hex ("AB:12:..."), as `openssl x509 -fingerprint` prints it. */
    public String fingerprintSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The certificate in PEM, for clients to pin or to pass to `openssl s_client -CAfile`. */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate());
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    public KeyManagerFactory keyManagerFactory() {
        try {
            char[] transientPassword = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, transientPassword, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, transientPassword);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory key store with a loaded key cannot fail", e);
        }
    }

    /** A server-side TLS context presenting this certificate; restrict protocols on the socket or engine. */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagerFactory().getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the default TLS provider refused a valid key", e);
        }
    }
}
