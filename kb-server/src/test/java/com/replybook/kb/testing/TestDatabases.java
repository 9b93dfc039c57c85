package com.replybook.kb.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The databases every storage test runs against: a real SQLite file and a real PostgreSQL server (embedded
 * binaries from Maven Central, started once per test JVM). Each call hands out a fresh, empty database.
 * Use with {@code @ParameterizedTest @MethodSource("com.replybook.kb.testing.TestDatabases#all")}.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** One target per vendor. */
    public static Stream<DbTarget> all() {
        return Stream.of(DbTarget.SQLITE, DbTarget.POSTGRESQL);
    }

    /** A fresh PostgreSQL database on the shared embedded server; returns its JDBC URL. */
    static synchronized String freshPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres pg = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }));
            }
            String name = "rb_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database vendor under test. */
    public enum DbTarget {
        SQLITE, POSTGRESQL;

        /** JDBC URL of a fresh database; the SQLite file goes in {@code dir}. */
        public String freshUrl(Path dir) {
            return this == SQLITE
                    ? "jdbc:sqlite:" + dir.resolve("test-" + COUNTER.incrementAndGet() + ".db")
                      + "?journal_mode=WAL&busy_timeout=15000&foreign_keys=true&transaction_mode=IMMEDIATE"
                    : freshPostgresDatabase();
        }

        /** The user for {@link #freshUrl}, or null for SQLite. */
        public String user() {
            return this == SQLITE ? null : "postgres";
        }
    }
}
