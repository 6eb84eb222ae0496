package org.logmaster.collector.attribution;

class LeaseAttributionH2Test extends LeaseAttributionContract {
    private TestIndex index;

    @Override
    AttributionStore newStore() {
        index = TestIndex.h2();
        return new JdbcAttributionStore(index.database().dsl());
    }

    @Override
    void closeStore() {
        index.close();
    }
}
