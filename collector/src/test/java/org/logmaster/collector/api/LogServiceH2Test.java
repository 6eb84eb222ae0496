package org.logmaster.collector.api;

import org.logmaster.collector.apitest.TestDatabase;

class LogServiceH2Test extends LogServiceContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
