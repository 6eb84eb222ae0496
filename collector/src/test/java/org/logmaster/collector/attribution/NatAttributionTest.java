package org.logmaster.collector.attribution;

class NatAttributionTest extends NatAttributionContract {
    @Override
    AttributionStore newStore() {
        return new InMemoryAttributionStore();
    }
}
