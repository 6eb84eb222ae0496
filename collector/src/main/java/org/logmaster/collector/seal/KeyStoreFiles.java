package org.logmaster.collector.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes the PKCS#12 key stores and PEM certificate files of the seal package. */
final class KeyStoreFiles {
    private KeyStoreFiles() {
    }

    /** A private key with its certificate chain, the signer's own certificate first. */
    record KeyWithChain(PrivateKey key, List<X509Certificate> chain) {
        KeyWithChain {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a signing key needs its certificate");
            }
            chain = List.copyOf(chain);
        }

        X509Certificate certificate() {
            return chain.getFirst();
        }
    }

    /** Writes a new PKCS#12 file readable by its owner only (mode 600). */
    static void writePkcs12(Path file, String alias, KeyWithChain entry, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, entry.key(), password, entry.chain().toArray(new X509Certificate[0]));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, password);
            AtomicFiles.createNew(file, bytes.toByteArray(), AtomicFiles.OWNER_ONLY);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the first (or only) private-key entry of a PKCS#12 file. */
    static KeyWithChain readPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password);
            } catch (IOException e) {
                throw new IOException("cannot read key store " + file + " (wrong password?): " + e.getMessage(), e);
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certificates = store.getCertificateChain(alias);
                    if (certificates == null || certificates.length == 0) {
                        throw new IOException(file + ": the key '" + alias + "' has no certificate");
                    }
                    for (Certificate certificate : certificates) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new KeyWithChain(key, chain);
                }
            }
            throw new IOException(file + " holds no private key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read key store " + file + " (wrong password?): " + e.getMessage(), e);
        }
    }

    static String toPem(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot PEM-encode a certificate", e);
        }
        return text.toString();
    }

    static void writePem(Path file, List<X509Certificate> certificates) throws IOException {
        AtomicFiles.createNew(file, toPem(certificates).getBytes(StandardCharsets.US_ASCII), AtomicFiles.WORLD_READABLE);
    }

    static List<X509Certificate> readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }
}
