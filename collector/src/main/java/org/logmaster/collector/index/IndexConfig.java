package org.logmaster.collector.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the index lives. H2 by default, a file under the data folder opened with AUTO_SERVER so
 * that the {@code search} command can read it while the collector runs; PostgreSQL for
 * production, where several collectors may share one database.
 *
 * @param jdbcUrl  {@code jdbc:h2:...} or {@code jdbc:postgresql://host:port/db[?currentSchema=...]}
 * @param user     database user
 * @param password database password (empty for none)
 * @param poolSize connections kept open
 */
public record IndexConfig(String jdbcUrl, String user, String password, int poolSize) {

    public IndexConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be positive");
    }

    /** The embedded default: {@code <data>/index/logmaster.mv.db}. */
    public static IndexConfig h2(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("index").resolve("logmaster");
        return new IndexConfig("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE", "sa", "", 4);
    }

    public static IndexConfig of(String jdbcUrl, String user, String password) {
        return new IndexConfig(jdbcUrl, user, password, 4);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "IndexConfig[" + jdbcUrl + ", user " + user + (password.isEmpty() ? "" : ", password ***") + "]";
    }
}
