package org.logmaster.collector.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, base64 without padding.
 * Each hash carries its own 16-byte random salt and its parameters, so parameters can be raised
 * later without invalidating stored hashes ({@link #needsRehash}).
 *
 * <p>Default parameters are OWASP's recommended minimum for Argon2id: 19 MiB of memory, 2
 * iterations, 1 lane, 32-byte output. Because every hash takes that much memory, at most one hash
 * per CPU core runs at a time: a flood of login attempts queues instead of exhausting the heap.
 */
public final class PasswordHasher {
    /** Argon2id cost parameters. */
    public record Parameters(int memoryKib, int iterations, int parallelism) {
        public static final Parameters OWASP_MINIMUM = new Parameters(19 * 1024, 2, 1);

        public Parameters {
            // the upper bounds also protect us from a tampered users table asking for absurd work
            if (memoryKib < 8 * parallelism || memoryKib > 1024 * 1024) throw new IllegalArgumentException("memoryKib " + memoryKib);
            if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations " + iterations);
            if (parallelism < 1 || parallelism > 16) throw new IllegalArgumentException("parallelism " + parallelism);
        }
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{16,})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Parameters parameters;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    /** Verified against when a user name does not exist, so that timing does not tell. */
    private final String decoy;

    public PasswordHasher(Parameters parameters) {
        this.parameters = parameters;
        this.decoy = hash("decoy password that matches nothing");
    }

    public PasswordHasher() {
        this(Parameters.OWASP_MINIMUM);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** A new PHC string for {@code password} with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code phc}; false for a wrong password or an unreadable hash. */
    public boolean verify(String password, String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (!m.matches()) {
            return false;
        }
        Parameters stored;
        byte[] salt;
        byte[] expected;
        try {
            stored = new Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            salt = B64D.decode(m.group(4));
            expected = B64D.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = argon2(password, salt, stored, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Spends the time of one verification, for a user name that does not exist. */
    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    /** True when {@code phc} was made with other parameters than the current ones. */
    public boolean needsRehash(String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        return !m.matches()
                || Integer.parseInt(m.group(1)) != parameters.memoryKib()
                || Integer.parseInt(m.group(2)) != parameters.iterations()
                || Integer.parseInt(m.group(3)) != parameters.parallelism();
    }

    private byte[] argon2(String password, byte[] salt, Parameters p, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }
}
