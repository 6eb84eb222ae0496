package org.logmaster.collector.enrich;

import org.logmaster.collector.apitest.TestDatabase;

class DeviceRegistryPostgresTest extends DeviceRegistryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
