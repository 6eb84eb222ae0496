package org.logmaster.console.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 digest of a certificate's DER encoding, the value an operator compares with the one
 * the collector's own console prints ({@code openssl x509 -fingerprint -sha256} shows the same).
 */
public final class CertificateFingerprint {

    private static final int SHA256_BYTES = 32;
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest;
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot fingerprint certificate", e);
        }
    }

    /** Accepts hex with or without colons or spaces, in either case. */
    public static CertificateFingerprint parse(String text) {
        String hex = text.replaceAll("[\\s:]", "");
        if (hex.length() != 2 * SHA256_BYTES) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hex digits, got " + hex.length());
        }
        try {
            return new CertificateFingerprint(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex fingerprint: " + text, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    /** Upper-case hex pairs separated by colons. */
    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }
}
