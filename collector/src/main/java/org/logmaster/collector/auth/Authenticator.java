package org.logmaster.collector.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins, sessions and one's own password. A login checks the Argon2id hash, counts failures and
 * locks a user for {@link AuthSettings#lockout()} after {@link AuthSettings#maxFailedLogins()}
 * consecutive failures; a session lives {@link AuthSettings#sessionLifetime()} from its login
 * (fixed expiry) unless logged out, and ends when its user is disabled.
 */
public final class Authenticator {
    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private static final String FIRST_ADMINISTRATOR = "admin";

    /** A new session: the token goes to the client once; the server keeps only its hash. */
    public record Session(String token, Principal principal) {}

    /** The first administrator's credentials, to be shown once by {@code init}. */
    public record InitialCredentials(String username, String password) {}

    private final DSLContext db;
    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuthSettings settings;
    private final Clock clock;
    private final SessionTokens tokens = new SessionTokens();
    private final PasswordGenerator generator = new PasswordGenerator();

    public Authenticator(DSLContext db, PasswordHasher hasher, AuthSettings settings, Clock clock) {
        this.db = db;
        this.users = new UserStore(db);
        this.sessions = new SessionStore(db);
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens a session for {@code username} if {@code password} is right and the user is neither
     * locked nor disabled; AuthenticationException otherwise.
     */
    public Session login(String username, String password, String remoteAddress) {
        String name;
        try {
            name = Usernames.normalize(username);
        } catch (IllegalArgumentException e) {
            hasher.verifyDecoy(password == null ? "" : password);
            throw badCredentials();
        }
        String given = password == null ? "" : password;
        Optional<UserStore.Credentials> found = users.credentials(name);
        if (found.isEmpty()) {
            hasher.verifyDecoy(given);
            throw badCredentials();
        }
        User user = found.get().user();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            throw new AuthenticationException("user locked after " + settings.maxFailedLogins()
                    + " failed logins until " + user.lockedUntil());
        }
        if (user.lockedUntil() != null) {
            users.clearExpiredLock(user.id(), now);
        }
        String storedHash = found.get().passwordHash();
        if (!hasher.verify(given, storedHash)) {
            users.recordFailedLogin(user.id(), settings.maxFailedLogins(), now.plus(settings.lockout()));
            log.info("failed login for user {} from {}", name, remoteAddress);
            throw badCredentials();
        }
        if (user.disabled()) {
            throw new AuthenticationException("user is disabled");
        }
        users.recordSuccessfulLogin(user.id());
        if (hasher.needsRehash(storedHash)) {
            users.upgradePasswordHash(user.id(), hasher.hash(given));
        }
        String token = tokens.newToken();
        String tokenHash = SessionTokens.hashOf(token);
        Instant expires = now.plus(settings.sessionLifetime());
        sessions.insert(tokenHash, user.id(), now, expires, remoteAddress);
        return new Session(token, new Principal(user.id(), user.username(), user.role(), tokenHash, expires));
    }

    /** The principal of a live session, or empty for a malformed, unknown, expired or disabled one. */
    public Optional<Principal> authenticate(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return sessions.principal(SessionTokens.hashOf(token), clock.instant());
    }

    public void logout(Principal principal) {
        sessions.delete(principal.sessionId());
    }

    /** Changes the caller's password after checking the current one; ends their other sessions. */
    public void changePassword(Principal principal, String currentPassword, String newPassword) {
        String stored = users.passwordHash(principal.userId())
                .orElseThrow(() -> new AuthenticationException("user no longer exists"));
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, stored)) {
            // a stolen session must not become a way to guess the password without limit
            users.recordFailedLogin(principal.userId(), settings.maxFailedLogins(), clock.instant().plus(settings.lockout()));
            throw new AuthenticationException("current password is wrong");
        }
        PasswordPolicy.check(principal.username(), newPassword);
        String hash = hasher.hash(newPassword);
        db.transaction(tx -> {
            UserStore txUsers = new UserStore(tx.dsl());
            txUsers.setPasswordHash(principal.userId(), hash, clock.instant());
            new SessionStore(tx.dsl()).deleteForUser(principal.userId(), principal.sessionId());
        });
    }

    /**
     * Creates the administrator "admin" with a generated password when there is no user at all,
     * and returns the credentials (shown once); empty when users exist.
     */
    public Optional<InitialCredentials> bootstrapAdministrator() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = generator.generate();
        String hash = hasher.hash(password);
        try {
            boolean created = db.transactionResult(tx -> {
                UserStore txUsers = new UserStore(tx.dsl());
                if (txUsers.count() > 0) return false;
                txUsers.create(FIRST_ADMINISTRATOR, Role.ADMINISTRATOR, hash, clock.instant());
                return true;
            });
            return created ? Optional.of(new InitialCredentials(FIRST_ADMINISTRATOR, password)) : Optional.empty();
        } catch (UsernameTakenException e) {
            return Optional.empty(); // another collector sharing the database was faster
        }
    }

    /** Deletes expired sessions (housekeeping; expired ones are refused anyway). */
    public int purgeExpiredSessions() {
        return sessions.deleteExpired(clock.instant());
    }

    private static AuthenticationException badCredentials() {
        return new AuthenticationException("wrong user name or password");
    }
}
