package org.logmaster.collector.attribution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class NatAttributionPostgresTest extends NatAttributionContract {
    private static TestIndex.Postgres postgres;
    private TestIndex index;

    @BeforeAll
    static void createSchema() {
        postgres = TestIndex.postgres();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Override
    AttributionStore newStore() {
        index = postgres.empty();
        return new JdbcAttributionStore(index.database().dsl());
    }

    @Override
    void closeStore() {
        if (index != null) index.close();
    }
}
