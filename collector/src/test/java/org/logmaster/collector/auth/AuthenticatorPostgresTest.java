package org.logmaster.collector.auth;

import org.logmaster.collector.apitest.TestDatabase;

class AuthenticatorPostgresTest extends AuthenticatorContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
