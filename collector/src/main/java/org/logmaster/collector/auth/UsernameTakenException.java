package org.logmaster.collector.auth;

/** A user with that name exists already. */
public final class UsernameTakenException extends RuntimeException {
    public UsernameTakenException(String username) {
        super("user '" + username + "' exists already");
    }
}
