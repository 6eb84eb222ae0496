package org.logmaster.collector.attribution;

class LeaseAttributionTest extends LeaseAttributionContract {
    @Override
    AttributionStore newStore() {
        return new InMemoryAttributionStore();
    }
}
