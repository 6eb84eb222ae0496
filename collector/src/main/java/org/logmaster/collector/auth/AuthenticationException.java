package org.logmaster.collector.auth;

/** A login or password check failed. The message is safe to show to the caller. */
public final class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
