package org.logmaster.collector.attribution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class AttributionFeedPostgresTest extends AttributionFeedContract {
    private static TestIndex.Postgres postgres;

    @BeforeAll
    static void createSchema() {
        postgres = TestIndex.postgres();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Override
    TestIndex emptyIndex() {
        return postgres.empty();
    }
}
