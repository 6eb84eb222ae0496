package org.logmaster.collector.auth;

import static org.logmaster.collector.index.schema.Tables.USERS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.logmaster.collector.index.schema.tables.records.UsersRecord;

/** The users table. Callers pass normalized user names ({@link Usernames}). */
public final class UserStore {
    /** A user with their password hash, for checking a password; never leaves the auth package. */
    record Credentials(User user, String passwordHash) {}

    private final DSLContext db;

    public UserStore(DSLContext db) {
        this.db = db;
    }

    public Optional<User> find(String username) {
        return db.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional().map(UserStore::toUser);
    }

    Optional<Credentials> credentials(String username) {
        return db.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional()
                .map(r -> new Credentials(toUser(r), r.getPasswordHash()));
    }

    Optional<String> passwordHash(long userId) {
        return db.select(USERS.PASSWORD_HASH).from(USERS).where(USERS.ID.eq(userId)).fetchOptional(USERS.PASSWORD_HASH);
    }

    public List<User> list() {
        return db.selectFrom(USERS).orderBy(USERS.USERNAME).fetch(UserStore::toUser);
    }

    public long count() {
        return db.fetchCount(USERS);
    }

    /** Inserts a user; UsernameTakenException when the name is taken. */
    User create(String username, Role role, String passwordHash, Instant now) {
        OffsetDateTime at = utc(now);
        try {
            return toUser(db.insertInto(USERS)
                    .set(USERS.USERNAME, username)
                    .set(USERS.ROLE, role.name())
                    .set(USERS.PASSWORD_HASH, passwordHash)
                    .set(USERS.DISABLED, false)
                    .set(USERS.FAILED_ATTEMPTS, 0)
                    .set(USERS.CREATED_AT, at)
                    .set(USERS.PASSWORD_CHANGED_AT, at)
                    .returning()
                    .fetchSingle());
        } catch (IntegrityConstraintViolationException e) {
            throw new UsernameTakenException(username);
        }
    }

    /**
     * Counts one failed login atomically (parallel guesses all count) and locks the user until
     * {@code lockUntil} when the count reaches {@code maxFailures}.
     */
    void recordFailedLogin(long userId, int maxFailures, Instant lockUntil) {
        db.update(USERS)
                .set(USERS.FAILED_ATTEMPTS, USERS.FAILED_ATTEMPTS.plus(1))
                .set(USERS.LOCKED_UNTIL, DSL.when(USERS.FAILED_ATTEMPTS.plus(1).ge(maxFailures),
                        DSL.val(utc(lockUntil))).otherwise(USERS.LOCKED_UNTIL))
                .where(USERS.ID.eq(userId))
                .execute();
    }

    /** A lock that has run out starts a fresh count of failures. */
    void clearExpiredLock(long userId, Instant now) {
        db.update(USERS)
                .set(USERS.FAILED_ATTEMPTS, 0)
                .setNull(USERS.LOCKED_UNTIL)
                .where(USERS.ID.eq(userId).and(USERS.LOCKED_UNTIL.le(utc(now))))
                .execute();
    }

    void recordSuccessfulLogin(long userId) {
        db.update(USERS).set(USERS.FAILED_ATTEMPTS, 0).setNull(USERS.LOCKED_UNTIL)
                .where(USERS.ID.eq(userId).and(USERS.FAILED_ATTEMPTS.ne(0).or(USERS.LOCKED_UNTIL.isNotNull())))
                .execute();
    }

    /** New password hash; also clears failures and any lock (an administrator's reset unlocks). */
    void setPasswordHash(long userId, String passwordHash, Instant now) {
        db.update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.PASSWORD_CHANGED_AT, utc(now))
                .set(USERS.FAILED_ATTEMPTS, 0)
                .setNull(USERS.LOCKED_UNTIL)
                .where(USERS.ID.eq(userId))
                .execute();
    }

    /** Re-hash with current parameters after a successful login; the change date stays. */
    void upgradePasswordHash(long userId, String passwordHash) {
        db.update(USERS).set(USERS.PASSWORD_HASH, passwordHash).where(USERS.ID.eq(userId)).execute();
    }

    void setRole(long userId, Role role) {
        db.update(USERS).set(USERS.ROLE, role.name()).where(USERS.ID.eq(userId)).execute();
    }

    void setDisabled(long userId, boolean disabled) {
        db.update(USERS).set(USERS.DISABLED, disabled).where(USERS.ID.eq(userId)).execute();
    }

    /** Enabled administrators other than {@code userId}. */
    long enabledAdministratorsOtherThan(long userId) {
        return db.fetchCount(USERS, USERS.ROLE.eq(Role.ADMINISTRATOR.name())
                .and(USERS.DISABLED.isFalse())
                .and(USERS.ID.ne(userId)));
    }

    static User toUser(UsersRecord r) {
        return new User(r.getId(), r.getUsername(), Role.parse(r.getRole()), r.getDisabled(), r.getFailedAttempts(),
                instant(r.getLockedUntil()), instant(r.getCreatedAt()), instant(r.getPasswordChangedAt()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
