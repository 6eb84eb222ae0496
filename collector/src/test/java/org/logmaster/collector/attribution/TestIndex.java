package org.logmaster.collector.attribution;

import java.util.UUID;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.PostgresSchema;

/** An index database for attribution tests: a private in-memory H2 (gone when its pool closes), or an emptied PostgreSQL test schema. */
final class TestIndex implements AutoCloseable {
    private final IndexDatabase database;

    private TestIndex(IndexDatabase database) {
        this.database = database;
    }

    static TestIndex h2() {
        String name = "attribution-" + UUID.randomUUID();
        return new TestIndex(IndexDatabase.open(IndexConfig.of("jdbc:h2:mem:" + name + "", "sa", "")));
    }

    static Postgres postgres() {
        return new Postgres(PostgresSchema.create());
    }

    IndexDatabase database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }

    /** One PostgreSQL schema for a test class (skipped with a message when PostgreSQL is missing, failed under CI=true). */
    static final class Postgres implements AutoCloseable {
        private final PostgresSchema schema;

        private Postgres(PostgresSchema schema) {
            this.schema = schema;
        }

        /** The schema, emptied, opened. */
        TestIndex empty() {
            schema.empty();
            return new TestIndex(IndexDatabase.open(schema.config()));
        }

        @Override
        public void close() throws Exception {
            schema.close();
        }
    }
}
