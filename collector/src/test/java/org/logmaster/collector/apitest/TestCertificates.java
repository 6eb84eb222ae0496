package org.logmaster.collector.apitest;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.logmaster.collector.api.ServerKeys;

/** A self-signed server certificate for localhost/127.0.0.1, made with BouncyCastle for tests. */
public final class TestCertificates {
    private static final char[] PASSWORD = "test".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    public TestCertificates() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=logmaster-test");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public KeyManagerFactory keyManagers() throws Exception {
        return ServerKeys.fromKeyStore(keyStore(), PASSWORD);
    }

    /** Writes the key and certificate as a PKCS#12 file protected by {@code password}. */
    public void writePkcs12(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), password, new X509Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private KeyStore keyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
        return store;
    }

    /** The certificate in PEM, as a client's trust root. */
    public String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-256 of the DER certificate, hex pairs with colons (as openssl x509 -fingerprint -sha256 prints). */
    public String fingerprint() {
        return ServerKeys.fingerprint(certificate);
    }
}
