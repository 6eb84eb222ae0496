package org.logmaster.collector.audit;

import org.logmaster.collector.apitest.TestDatabase;

class AuditTrailPostgresTest extends AuditTrailContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
