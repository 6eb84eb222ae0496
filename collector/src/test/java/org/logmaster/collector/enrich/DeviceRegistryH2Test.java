package org.logmaster.collector.enrich;

import org.logmaster.collector.apitest.TestDatabase;

class DeviceRegistryH2Test extends DeviceRegistryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
