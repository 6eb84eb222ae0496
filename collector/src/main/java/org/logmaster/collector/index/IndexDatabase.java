package org.logmaster.collector.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index database: a connection pool, the schema brought up to date by Flyway on open, and
 * the jOOQ context every query goes through. Migrations in {@code db/migration/common} run
 * everywhere (and are what jOOQ's classes are generated from); {@code db/migration/postgresql}
 * adds PostgreSQL-only indexes.
 */
public final class IndexDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexDatabase.class);

    static {
        // jOOQ prints a banner and tips on first use; a service's log is no place for them
        if (System.getProperty("org.jooq.no-logo") == null) System.setProperty("org.jooq.no-logo", "true");
        if (System.getProperty("org.jooq.no-tips") == null) System.setProperty("org.jooq.no-tips", "true");
        // H2's AUTO_SERVER listens on all interfaces; the search command runs on the appliance
        // itself, so loopback is enough. Read by H2 once, so it must be set before H2 is loaded
        // (the service's launcher should pass -Dh2.bindAddress=127.0.0.1 to be sure).
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final IndexConfig config;
    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DSLContext dsl;

    private IndexDatabase(IndexConfig config, HikariDataSource dataSource, SQLDialect dialect) {
        this.config = config;
        this.dataSource = dataSource;
        this.dialect = dialect;
        // The schema's names are unquoted in the migrations, so H2 stores them upper case and
        // PostgreSQL lower case; unquoted names from jOOQ match both.
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
        this.dsl = DSL.using(dataSource, dialect, settings);
    }

    /** Connects, migrates the schema and returns the open index; fails with a clear message when it cannot. */
    public static IndexDatabase open(IndexConfig config) {
        SQLDialect dialect = config.isPostgres() ? SQLDialect.POSTGRES : SQLDialect.H2;
        if (!config.isPostgres() && !config.jdbcUrl().startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("unsupported index database " + config.jdbcUrl()
                    + ": use jdbc:h2:... or jdbc:postgresql://...");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("logmaster-index");
        hikari.setAutoCommit(true);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IndexUnavailableException("cannot connect to the index at " + config.jdbcUrl() + ": " + rootMessage(e), e);
        }
        try {
            migrate(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IndexUnavailableException("cannot migrate the index at " + config.jdbcUrl() + ": " + rootMessage(e), e);
        }
        log.info("index open: {}", config.jdbcUrl());
        return new IndexDatabase(config, dataSource, dialect);
    }

    private static void migrate(DataSource dataSource, SQLDialect dialect) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
        if (dialect == SQLDialect.POSTGRES) locations.add("classpath:db/migration/postgresql");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .load()
                .migrate();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public boolean isPostgres() {
        return dialect == SQLDialect.POSTGRES;
    }

    public IndexConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The index cannot be reached or brought up to date. */
    public static final class IndexUnavailableException extends RuntimeException {
        IndexUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
