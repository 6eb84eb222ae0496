package org.logmaster.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1));

    @Test
    void theRightPasswordVerifies() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotVerify() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
    }

    @Test
    void theDefaultIsArgon2idWithOwaspParametersInPhcFormat() {
        String hash = new PasswordHasher().hash("correct horse battery");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAndAsksForRehash() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Parameters(2048, 2, 1));
        String old = hasher.hash("correct horse battery");
        assertThat(stronger.verify("correct horse battery", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void anUnreadableOrTamperedHashNeverVerifies() {
        String hash = hasher.hash("correct horse battery");
        String tampered = hash.substring(0, hash.length() - 2) + (hash.endsWith("AA") ? "BB" : "AA");
        assertThat(hasher.verify("correct horse battery", tampered)).isFalse();
        assertThat(hasher.verify("correct horse battery", "")).isFalse();
        assertThat(hasher.verify("correct horse battery", null)).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=999999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    }
}
