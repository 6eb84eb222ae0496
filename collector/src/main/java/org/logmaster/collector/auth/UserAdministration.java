package org.logmaster.collector.auth;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.jooq.DSLContext;

/**
 * What an administrator does to users. Every change that could lock everybody out (the last
 * enabled administrator demoted or disabled) is refused with IllegalStateException.
 */
public final class UserAdministration {
    /** A user and the password generated for them (null when the caller gave one). */
    public record UserWithPassword(User user, String generatedPassword) {}

    private final DSLContext db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final PasswordGenerator generator = new PasswordGenerator();

    public UserAdministration(DSLContext db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = new UserStore(db);
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates a user; with an empty password one is generated and returned. */
    public UserWithPassword create(String username, Role role, String password) {
        String name = Usernames.normalize(username);
        String generated = password == null || password.isEmpty() ? generator.generate() : null;
        String effective = generated != null ? generated : password;
        PasswordPolicy.check(name, effective);
        User user = users.create(name, role, hasher.hash(effective), clock.instant());
        return new UserWithPassword(user, generated);
    }

    public List<User> list() {
        return users.list();
    }

    public User setRole(String username, Role role) {
        return db.transactionResult(tx -> {
            UserStore txUsers = new UserStore(tx.dsl());
            User user = existing(txUsers, username);
            if (user.role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR && !user.disabled()) {
                requireAnotherAdministrator(txUsers, user);
            }
            txUsers.setRole(user.id(), role);
            return existing(txUsers, user.username());
        });
    }

    /** Disables a user and ends their sessions. */
    public User disable(String username) {
        return db.transactionResult(tx -> {
            UserStore txUsers = new UserStore(tx.dsl());
            User user = existing(txUsers, username);
            if (user.role() == Role.ADMINISTRATOR) {
                requireAnotherAdministrator(txUsers, user);
            }
            txUsers.setDisabled(user.id(), true);
            new SessionStore(tx.dsl()).deleteForUser(user.id(), null);
            return existing(txUsers, user.username());
        });
    }

    public User enable(String username) {
        return db.transactionResult(tx -> {
            UserStore txUsers = new UserStore(tx.dsl());
            User user = existing(txUsers, username);
            txUsers.setDisabled(user.id(), false);
            return existing(txUsers, user.username());
        });
    }

    /** Sets a new password (generated when empty), clears any lockout and ends the user's sessions. */
    public UserWithPassword resetPassword(String username, String newPassword) {
        User user = existing(users, username);
        String generated = newPassword == null || newPassword.isEmpty() ? generator.generate() : null;
        String effective = generated != null ? generated : newPassword;
        PasswordPolicy.check(user.username(), effective);
        String hash = hasher.hash(effective);
        User updated = db.transactionResult(tx -> {
            UserStore txUsers = new UserStore(tx.dsl());
            txUsers.setPasswordHash(user.id(), hash, clock.instant());
            new SessionStore(tx.dsl()).deleteForUser(user.id(), null);
            return existing(txUsers, user.username());
        });
        return new UserWithPassword(updated, generated);
    }

    private static User existing(UserStore store, String username) {
        String name = Usernames.normalize(username);
        return store.find(name).orElseThrow(() -> new NoSuchElementException("no user '" + name + "'"));
    }

    private static void requireAnotherAdministrator(UserStore store, User user) {
        if (store.enabledAdministratorsOtherThan(user.id()) == 0) {
            throw new IllegalStateException("'" + user.username() + "' is the last enabled administrator");
        }
    }
}
