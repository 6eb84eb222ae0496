package org.logmaster.collector.api;

import org.logmaster.collector.apitest.TestDatabase;

class LogServicePostgresTest extends LogServiceContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
