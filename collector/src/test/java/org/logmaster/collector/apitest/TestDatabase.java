package org.logmaster.collector.apitest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;

/**
 * A migrated database for one test class, opened exactly as the collector opens its index
 * ({@link IndexDatabase#open}: the same migrations, the same jOOQ settings): the embedded H2 file
 * database with AUTO_SERVER in a temporary folder, or a fresh schema in the PostgreSQL at
 * 127.0.0.1:5432 (database test, user postgres). Without that server the PostgreSQL tests are
 * skipped with a message, except on CI (CI=true), where they fail.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_USER = "postgres";

    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String schema;
    private final Path folder;
    private final IndexDatabase index;

    private TestDatabase(Kind kind, String schema, Path folder, IndexConfig config) {
        this.kind = kind;
        this.schema = schema;
        this.folder = folder;
        this.index = IndexDatabase.open(config);
    }

    public static TestDatabase open(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        try {
            Path folder = Files.createTempDirectory("logmaster-test-db");
            return new TestDatabase(Kind.H2, null, folder, IndexConfig.h2(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            ensureTrigramExtensionOutsideTestSchemas(s);
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return new TestDatabase(Kind.POSTGRES, schema, null,
                IndexConfig.of(PG_URL + "?currentSchema=" + schema, PG_USER, ""));
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

    public Kind kind() {
        return kind;
    }

    /** The index as the collector has it. */
    public IndexDatabase index() {
        return index;
    }

    public DSLContext dsl() {
        return index.dsl();
    }

    public DataSource dataSource() {
        return index.dataSource();
    }

    @Override
    public void close() {
        index.close();
        if (kind == Kind.POSTGRES) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test schema " + schema, e);
            }
        } else {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
