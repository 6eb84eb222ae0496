package org.logmaster.collector.auth;

import static org.logmaster.collector.auth.UserStore.instant;
import static org.logmaster.collector.auth.UserStore.utc;
import static org.logmaster.collector.index.schema.Tables.SESSIONS;
import static org.logmaster.collector.index.schema.Tables.USERS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** The sessions table, keyed by the SHA-256 of the token. */
final class SessionStore {
    private final DSLContext db;

    SessionStore(DSLContext db) {
        this.db = db;
    }

    void insert(String tokenHash, long userId, Instant created, Instant expires, String remoteAddress) {
        db.insertInto(SESSIONS)
                .set(SESSIONS.TOKEN_HASH, tokenHash)
                .set(SESSIONS.USER_ID, userId)
                .set(SESSIONS.CREATED_AT, utc(created))
                .set(SESSIONS.EXPIRES_AT, utc(expires))
                .set(SESSIONS.REMOTE_ADDRESS, remoteAddress)
                .execute();
    }

    /** The principal of a live session of an enabled user, in one query. */
    Optional<Principal> principal(String tokenHash, Instant now) {
        return db.select(USERS.ID, USERS.USERNAME, USERS.ROLE, SESSIONS.EXPIRES_AT)
                .from(SESSIONS).join(USERS).on(USERS.ID.eq(SESSIONS.USER_ID))
                .where(SESSIONS.TOKEN_HASH.eq(tokenHash)
                        .and(SESSIONS.EXPIRES_AT.gt(utc(now)))
                        .and(USERS.DISABLED.isFalse()))
                .fetchOptional(r -> new Principal(r.value1(), r.value2(), Role.parse(r.value3()), tokenHash, instant(r.value4())));
    }

    void delete(String tokenHash) {
        db.deleteFrom(SESSIONS).where(SESSIONS.TOKEN_HASH.eq(tokenHash)).execute();
    }

    /** Ends every session of a user, except {@code keepTokenHash} when not null. */
    int deleteForUser(long userId, String keepTokenHash) {
        var condition = SESSIONS.USER_ID.eq(userId);
        if (keepTokenHash != null) condition = condition.and(SESSIONS.TOKEN_HASH.ne(keepTokenHash));
        return db.deleteFrom(SESSIONS).where(condition).execute();
    }

    int deleteExpired(Instant now) {
        return db.deleteFrom(SESSIONS).where(SESSIONS.EXPIRES_AT.le(utc(now))).execute();
    }
}
