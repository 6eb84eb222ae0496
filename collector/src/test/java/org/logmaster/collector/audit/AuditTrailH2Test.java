package org.logmaster.collector.audit;

import org.logmaster.collector.apitest.TestDatabase;

class AuditTrailH2Test extends AuditTrailContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
