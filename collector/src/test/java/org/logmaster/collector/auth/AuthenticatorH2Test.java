package org.logmaster.collector.auth;

import org.logmaster.collector.apitest.TestDatabase;

class AuthenticatorH2Test extends AuthenticatorContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
