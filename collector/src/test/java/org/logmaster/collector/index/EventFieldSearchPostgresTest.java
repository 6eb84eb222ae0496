package org.logmaster.collector.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class EventFieldSearchPostgresTest extends EventFieldSearchContract {
    private static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create();
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) schema.close();
    }

    @Override
    IndexConfig emptyIndex() {
        schema.empty();
        return schema.config();
    }
}
