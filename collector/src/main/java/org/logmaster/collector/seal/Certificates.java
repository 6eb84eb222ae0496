package org.logmaster.collector.seal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the key pairs and certificates the seal package needs. EC P-256 everywhere: openssl,
 * the JDK and BouncyCastle all verify it without extra providers, and key generation is fast
 * enough to do on first start of an appliance.
 */
final class Certificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
        }
    }

    /** The JCA signature name for a SHA-256 signature with this key. */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported signing key algorithm " + key.getAlgorithm()
                    + " (use EC or RSA)");
        };
    }

    /**
     * A self-signed end-entity certificate for signing seal statements. It is not a CA
     * (basicConstraints CA:FALSE), and its key usage is digitalSignature + nonRepudiation only;
     * openssl accepts such a certificate as its own trust anchor with {@code -CAfile}.
     */
    static X509Certificate selfSignedSigner(KeyPair keys, String commonName, Duration validity) {
        X500Name name = name(commonName);
        X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), validity);
        addKeyIdentifiers(builder, keys.getPublic(), keys.getPublic());
        addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        addExtension(builder, Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return sign(builder, keys.getPrivate());
    }

    /** A self-signed CA certificate that issues exactly one level of certificates below it. */
    static X509Certificate selfSignedRoot(KeyPair keys, String commonName, Duration validity) {
        X500Name name = name(commonName);
        X509v3CertificateBuilder builder = builder(name, name, keys.getPublic(), validity);
        addKeyIdentifiers(builder, keys.getPublic(), keys.getPublic());
        addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(0));
        addExtension(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, keys.getPrivate());
    }

    /**
     * A time-stamping certificate as RFC 3161 section 2.3 demands: extendedKeyUsage critical and
     * holding only id-kp-timeStamping (openssl's timestampsign purpose insists on exactly that).
     */
    static X509Certificate timeStampingCertificate(PublicKey subjectKey, String commonName,
                                                   X509Certificate issuer, PrivateKey issuerKey, Duration validity) {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuerName, name(commonName), subjectKey, validity);
        addKeyIdentifiers(builder, subjectKey, issuer.getPublicKey());
        addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        addExtension(builder, Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        addExtension(builder, Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return sign(builder, issuerKey);
    }

    static X509Certificate fromHolder(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a usable X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the DER certificate, lower-case hex: what {@code openssl x509 -fingerprint -sha256} shows. */
    static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return Sha256.hexDigest(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName.replace(",", "\\,") + ",O=LogMaster");
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Duration validity) {
        // backdated a little so that a verifier whose clock lags slightly still accepts fresh seals
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
    }

    private static void addKeyIdentifiers(X509v3CertificateBuilder builder, PublicKey subjectKey, PublicKey issuerKey) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            addExtension(builder, Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            addExtension(builder, Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKey));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 for key identifiers is missing from this JDK", e);
        }
    }

    private static void addExtension(X509v3CertificateBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
                                     boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode certificate extension " + oid, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return fromHolder(builder.build(new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }
}
