package org.logmaster.console.client;

import org.logmaster.api.v1.Role;

/** User management ({@code AdminService}); administrators only. Blocking. */
public interface UserAdministration {

    /**
     * Creates a user with the given password, or a generated one when {@code password} is empty;
     * returns the generated password (empty when one was given).
     */
    String createUser(String username, Role role, char[] password);
}
