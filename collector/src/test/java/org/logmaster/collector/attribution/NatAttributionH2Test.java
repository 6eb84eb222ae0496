package org.logmaster.collector.attribution;

class NatAttributionH2Test extends NatAttributionContract {
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
