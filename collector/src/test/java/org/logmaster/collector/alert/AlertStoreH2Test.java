package org.logmaster.collector.alert;

import org.logmaster.collector.apitest.TestDatabase;

class AlertStoreH2Test extends AlertStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
