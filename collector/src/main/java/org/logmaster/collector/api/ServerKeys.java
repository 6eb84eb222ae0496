package org.logmaster.collector.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;

/** Loads the server's TLS key and certificate chain; names a certificate by its fingerprint. */
public final class ServerKeys {
    private ServerKeys() {}

    /** A PKCS#12 keystore holding one private key entry with its certificate chain. */
    public static KeyManagerFactory fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        return fromKeyStore(store, password);
    }

    public static KeyManagerFactory fromKeyStore(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    /**
     * The SHA-256 fingerprint of a certificate's DER encoding as upper-case hex pairs with colons,
     * as {@code openssl x509 -noout -fingerprint -sha256} prints it: what clients pin (docs/api.md).
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
