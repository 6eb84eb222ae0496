package org.logmaster.console.client;

import java.util.Objects;

/**
 * An operator's login. The collector API does not define authentication yet; the console
 * collects the login so that it can be sent once it does.
 */
public record Credentials(String user, char[] password) {

    public Credentials {
        Objects.requireNonNull(user, "user");
        password = password == null ? new char[0] : password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
