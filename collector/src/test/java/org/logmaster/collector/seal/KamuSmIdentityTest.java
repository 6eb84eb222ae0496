package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * The Kamu SM identity header, taken apart again with BouncyCastle's own PBKDF2 and AES (not the
 * JDK code that built it): the server must be able to do exactly this.
 */
class KamuSmIdentityTest {
    private static final byte[] IMPRINT = Sha256.digest("the .p7s bytes".getBytes(StandardCharsets.UTF_8));

    /** What the server reads out of the header. */
    record Decoded(long customerNumber, byte[] salt, int iterations, byte[] iv, byte[] imprint) {
    }

    static Decoded decode(String header, String password) throws InvalidCipherTextException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(HexFormat.of().parseHex(header));
        long customer = ASN1Integer.getInstance(sequence.getObjectAt(0)).longValueExact();
        byte[] salt = ASN1OctetString.getInstance(sequence.getObjectAt(1)).getOctets();
        int iterations = ASN1Integer.getInstance(sequence.getObjectAt(2)).intValueExact();
        byte[] iv = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
        byte[] encrypted = ASN1OctetString.getInstance(sequence.getObjectAt(4)).getOctets();
        assertThat(sequence.size()).isEqualTo(5);

        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA256Digest());
        pbkdf2.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        KeyParameter key = (KeyParameter) pbkdf2.generateDerivedParameters(256);
        PaddedBufferedBlockCipher aes = new PaddedBufferedBlockCipher(
                CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
        aes.init(false, new ParametersWithIV(key, iv));
        byte[] plain = new byte[aes.getOutputSize(encrypted.length)];
        int length = aes.processBytes(encrypted, 0, encrypted.length, plain, 0);
        length += aes.doFinal(plain, length);
        return new Decoded(customer, salt, iterations, iv, java.util.Arrays.copyOf(plain, length));
    }

    @Test
    void theHeaderDecryptsToTheMessageImprintWithTheCustomersPassword() throws Exception {
        Decoded decoded = decode(KamuSmIdentity.header(123456, "müşteri-parolası", IMPRINT), "müşteri-parolası");

        assertThat(decoded.imprint()).isEqualTo(IMPRINT);
        assertThat(decoded.customerNumber()).isEqualTo(123456);
    }

    @Test
    void itCarriesA16ByteSaltUsedAsIvAndAnIterationCountOf100() throws Exception {
        Decoded decoded = decode(KamuSmIdentity.header(7, "secret", IMPRINT), "secret");

        assertThat(decoded.salt()).hasSize(16);
        assertThat(decoded.iv()).isEqualTo(decoded.salt());
        assertThat(decoded.iterations()).isEqualTo(100);
    }

    @Test
    void aWrongPasswordDoesNotRecoverTheImprint() throws Exception {
        String header = KamuSmIdentity.header(7, "secret", IMPRINT);

        byte[] recovered;
        try {
            recovered = decode(header, "guess").imprint();
        } catch (InvalidCipherTextException e) {
            recovered = new byte[0];
        }
        assertThat(recovered).isNotEqualTo(IMPRINT);
    }

    @Test
    void everyHeaderHasAFreshSalt() throws Exception {
        Decoded first = decode(KamuSmIdentity.header(7, "secret", IMPRINT), "secret");
        Decoded second = decode(KamuSmIdentity.header(7, "secret", IMPRINT), "secret");

        assertThat(first.salt()).isNotEqualTo(second.salt());
    }

    @Test
    void theValueIsLowerCaseHexOfADerSequence() {
        byte[] salt = new byte[16];
        String header = KamuSmIdentity.header(1, "p", IMPRINT, salt);

        assertThat(header).matches("30[0-9a-f]+");
        // SEQUENCE { INTEGER 1, OCTET STRING (16 zero bytes), INTEGER 100, ... }
        assertThat(header).startsWith("30").contains("020101" + "0410" + "00".repeat(16) + "020164" + "0410");
    }
}
