package org.logmaster.collector.alert;

import org.logmaster.collector.apitest.TestDatabase;

class AlertStorePostgresTest extends AlertStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
