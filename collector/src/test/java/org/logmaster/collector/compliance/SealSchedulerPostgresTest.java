package org.logmaster.collector.compliance;

import org.logmaster.collector.apitest.TestDatabase;

class SealSchedulerPostgresTest extends SealSchedulerContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
