package org.logmaster.collector.apitest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated database for one test class. H2 folds unquoted names to lower case, as PostgreSQL
 * does (jOOQ's classes use the lower-case names), and is told that "day", a column of the events
 * index, is no keyword. The database is a private in-memory H2 database, or a fresh schema in
 * the PostgreSQL at 127.0.0.1:5432 (database test, user postgres). Without that server the
 * PostgreSQL tests are skipped with a message, except on CI (CI=true), where they fail.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_USER = "postgres";

    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String schema;
    private final DataSource dataSource;
    private final DSLContext dsl;

    private TestDatabase(Kind kind, String schema, DataSource dataSource, SQLDialect dialect) {
        this.kind = kind;
        this.schema = schema;
        this.dataSource = dataSource;
        // the same migration folders as the collector's IndexDatabase: common everywhere, vendor extras on PostgreSQL
        String[] locations = kind == Kind.POSTGRES
                ? new String[] {"classpath:db/migration/common", "classpath:db/migration/postgresql"}
                : new String[] {"classpath:db/migration/common"};
        Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
        this.dsl = DSL.using(dataSource, dialect);
    }

    public static TestDatabase open(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=DAY");
        ds.setUser("sa");
        return new TestDatabase(Kind.H2, null, ds, SQLDialect.H2);
    }

    public static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL not reachable at 127.0.0.1:5432 (database test, user postgres): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PG_URL);
        ds.setUser(PG_USER);
        ds.setCurrentSchema(schema);
        return new TestDatabase(Kind.POSTGRES, schema, ds, SQLDialect.POSTGRES);
    }

    public Kind kind() {
        return kind;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(kind == Kind.H2 ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database", e);
        }
    }
}
