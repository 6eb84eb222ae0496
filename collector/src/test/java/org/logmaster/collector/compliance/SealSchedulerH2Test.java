package org.logmaster.collector.compliance;

import org.logmaster.collector.apitest.TestDatabase;

class SealSchedulerH2Test extends SealSchedulerContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
