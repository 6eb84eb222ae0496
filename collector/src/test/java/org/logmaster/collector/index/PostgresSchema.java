package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_ASSOCIATIONS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_EVIDENCE;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_LEASES;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_PROGRESS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_STATICS;
import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_TRANSLATIONS;
import static org.logmaster.collector.index.schema.Tables.EVENTS;
import static org.logmaster.collector.index.schema.Tables.EVENT_FIELDS;
import static org.logmaster.collector.index.schema.Tables.INDEX_PROGRESS;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the test PostgreSQL for one test class, so that parallel runs do not meet.
 * Without a reachable PostgreSQL the class is skipped with a visible message, unless CI=true,
 * where that is a failure. LOGMASTER_TEST_PG_URL and LOGMASTER_TEST_PG_USER point elsewhere.
 */
public final class PostgresSchema implements AutoCloseable {
    static final String SERVER = System.getenv().getOrDefault("LOGMASTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("LOGMASTER_TEST_PG_USER", "postgres");

    private final String name;
    private boolean migrated;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create() {
        String name = "lm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            ensureTrigramExtensionOutsideTestSchemas(s);
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: the PostgreSQL tests must run)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + "; skipping the PostgreSQL tests");
        }
        return new PostgresSchema(name);
    }

    /**
     * Installed once into public: were the migration to install it into a test schema, dropping
     * that schema would drop the extension and the indexes other test schemas built on it.
     */
    private static void ensureTrigramExtensionOutsideTestSchemas(Statement s) {
        try {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
        } catch (SQLException concurrentlyCreated) {
            // another test run created it at the same moment; it is there either way
        }
    }

    private static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(SERVER, USER, "");
    }

    public IndexConfig config() {
        return IndexConfig.of(SERVER + "?currentSchema=" + name, USER, "");
    }

    /** Empties the tables (creating them first if no test did yet). */
    public void empty() {
        if (!migrated) {
            IndexDatabase.open(config()).close();
            migrated = true;
        }
        try (Connection c = DriverManager.getConnection(config().jdbcUrl(), USER, "")) {
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
            dsl.truncate(EVENTS).restartIdentity().execute();
            dsl.truncate(EVENT_FIELDS).execute();  // ids start again at 1: old fields would attach to new rows
            dsl.truncate(INDEX_PROGRESS).execute();
            dsl.truncate(ATTRIBUTION_LEASES, ATTRIBUTION_TRANSLATIONS, ATTRIBUTION_ASSOCIATIONS, ATTRIBUTION_STATICS,
                    ATTRIBUTION_EVIDENCE, ATTRIBUTION_PROGRESS).execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test schema " + name, e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
