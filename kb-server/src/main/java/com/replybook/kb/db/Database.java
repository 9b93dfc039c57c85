package com.replybook.kb.db;

import com.replybook.kb.config.ServerConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The system of record: a pooled {@link DataSource} over the embedded SQLite file or PostgreSQL, with the
 * schema migrated by Flyway on open. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {

    /** Which SQL dialect is behind the pool; the only place that may differ is the migrations folder. */
    public enum Vendor { SQLITE, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Vendor vendor;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
    }

    /** Opens the database configured in {@code config} and migrates it to the current schema. */
    public static Database open(ServerConfig config) {
        return config.embeddedDatabase()
                ? open(sqliteUrl(config.dataDir()), null, null)
                : open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    }

    /** Opens {@code jdbcUrl} ({@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}) and migrates it. */
    public static Database open(String jdbcUrl, String user, String password) {
        Vendor vendor = vendorOf(jdbcUrl);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setPoolName("replybook-" + vendor.name().toLowerCase());
        // SQLite allows one writer at a time anyway; a few connections let readers proceed during a write (WAL).
        hc.setMaximumPoolSize(vendor == Vendor.SQLITE ? 4 : 10);
        hc.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            migrate(ds, vendor);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor);
    }

    /**
     * The SQLite URL for a data directory. WAL lets readers run beside the writer; {@code synchronous=FULL}
     * makes every acknowledged commit survive a crash; IMMEDIATE transactions take the write lock up front
     * so concurrent writers wait ({@code busy_timeout}) instead of failing on lock upgrade.
     */
    static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        return "jdbc:sqlite:" + dataDir.resolve("replybook.db")
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=15000&foreign_keys=true&transaction_mode=IMMEDIATE";
    }

    private static Vendor vendorOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return Vendor.SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return Vendor.POSTGRESQL;
        throw new IllegalArgumentException("jdbc-url must start with jdbc:sqlite: or jdbc:postgresql:, was " + jdbcUrl);
    }

    private static void migrate(DataSource ds, Vendor vendor) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.name().toLowerCase())
                // Features own separate version ranges (see docs/architecture.md); tolerate their interleaving.
                .outOfOrder(true)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
