package org.logmaster.collector.auth;

import java.time.Duration;

/**
 * Tunables of the login and session rules.
 *
 * @param sessionLifetime fixed lifetime of a session from its login, whatever the activity
 *                        (predictable for clients and needs no write per call)
 * @param maxFailedLogins consecutive failed logins that lock a user
 * @param lockout         how long a locked user stays locked (an administrator's password reset unlocks at once)
 */
public record AuthSettings(Duration sessionLifetime, int maxFailedLogins, Duration lockout,
                           PasswordHasher.Parameters hashParameters) {
    public static final AuthSettings DEFAULTS =
            new AuthSettings(Duration.ofHours(8), 5, Duration.ofMinutes(15), PasswordHasher.Parameters.OWASP_MINIMUM);

    public AuthSettings {
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) throw new IllegalArgumentException("sessionLifetime must be positive");
        if (maxFailedLogins < 1) throw new IllegalArgumentException("maxFailedLogins must be at least 1");
        if (lockout.isNegative()) throw new IllegalArgumentException("lockout must not be negative");
    }
}
