package org.logmaster.collector.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The {@code identity} HTTP header with which Kamu SM's time-stamp service (TÜBİTAK, Turkey)
 * authenticates a customer. Its value is the lower-case hex of the DER encoding of
 *
 * <pre>
 * ESYAReqEx ::= SEQUENCE {
 *     userid                   INTEGER,       -- the customer number
 *     salt                     OCTET STRING,  -- 16 random bytes
 *     iterationCount           INTEGER,       -- 100
 *     iv                       OCTET STRING,  -- the same 16 bytes
 *     encryptedMessageImprint  OCTET STRING } -- AES-256-CBC, PKCS#7 padding
 * </pre>
 *
 * where the AES key is PBKDF2-HMAC-SHA256(UTF-8 password, salt, 100 iterations, 32 bytes) and
 * the plaintext is the raw digest bytes of the request's message imprint. The layout follows
 * the vendor's own client library as published in public code; a fresh salt per request keeps
 * one header from being replayed for another imprint.
 */
public final class KamuSmIdentity {
    public static final String HEADER = "identity";
    static final int ITERATIONS = 100;
    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KamuSmIdentity() {
    }

    /** The header value for a request whose message imprint digest is {@code imprintDigest}. */
    public static String header(long customerNumber, String password, byte[] imprintDigest) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return header(customerNumber, password, imprintDigest, salt);
    }

    static String header(long customerNumber, String password, byte[] imprintDigest, byte[] salt) {
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256))
                    .getEncoded();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(salt));
            byte[] encrypted = cipher.doFinal(imprintDigest);
            byte[] der = new DERSequence(new ASN1Encodable[] {
                    new ASN1Integer(customerNumber),
                    new DEROctetString(salt),
                    new ASN1Integer(ITERATIONS),
                    new DEROctetString(salt),
                    new DEROctetString(encrypted)
            }).getEncoded(ASN1Encoding.DER);
            // the vendor client prints the DER as a Java BigInteger in base 16; a SEQUENCE starts with
            // 0x30, so that is exactly the plain lower-case hex of the bytes
            return new BigInteger(1, der).toString(16);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the Kamu SM identity header: " + e.getMessage(), e);
        }
    }
}
