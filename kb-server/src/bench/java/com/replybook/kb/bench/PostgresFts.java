package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The same corpus in a real PostgreSQL (embedded binaries from Maven Central), searched the ways help desks
 * such as Chatwoot do: a weighted {@code tsvector} with {@code websearch_to_tsquery} and {@code ts_rank}
 * ({@link Method#FTS}); {@code pg_trgm} word similarity, the usual fallback for Chinese, which the default
 * parser does not segment ({@link Method#TRGM}); and substring {@code ILIKE} ({@link Method#ILIKE}).
 */
final class PostgresFts implements AutoCloseable {

    enum Method {
        FTS("SELECT key FROM articles, websearch_to_tsquery('english', ?) q WHERE status = 'published' "
                + "AND locale = ? AND doc @@ q ORDER BY ts_rank(doc, q) DESC LIMIT 10"),
        TRGM("SELECT key FROM articles WHERE status = 'published' AND locale = ? AND ? <% search_text "
                + "ORDER BY word_similarity(?, search_text) DESC LIMIT 10"),
        ILIKE("SELECT key FROM articles WHERE status = 'published' AND locale = ? AND search_text ILIKE ? ORDER BY key LIMIT 10");

        final String sql;

        Method(String sql) {
            this.sql = sql;
        }

        String label() {
            return "postgres-" + name().toLowerCase();
        }
    }

    static final int STATEMENT_TIMEOUT_MS = 1000;
    private final EmbeddedPostgres pg;

    private PostgresFts(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static PostgresFts start(Path dataDir) throws IOException {
        return new PostgresFts(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "64").setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB").start());
    }

    /** Server version and the database's character classification, which decides what pg_trgm sees as letters. */
    String version() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('server_version'), (SELECT datctype FROM pg_database WHERE datname = current_database())")) {
            r.next();
            return r.getString(1) + " (lc_ctype " + r.getString(2) + ")";
        }
    }

    Connection connect() throws SQLException {
        Connection c = pg.getPostgresDatabase().getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SET pg_trgm.word_similarity_threshold = 0.3");
            // Some trigram and ILIKE plans over long customer messages take seconds; a help desk would give up too.
            s.execute("SET statement_timeout = '" + STATEMENT_TIMEOUT_MS + "ms'");
        }
        return c;
    }

    /** Creates the table and its GIN indexes and loads the NDJSON corpus; returns the seconds it took. */
    double load(Path corpus) throws IOException, SQLException {
        long start = System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            s.execute("DROP TABLE IF EXISTS articles");
            s.execute("""
                    CREATE TABLE articles (key text PRIMARY KEY, locale text, status text, title text,
                      questions text, body text, search_text text,
                      doc tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', questions), 'B') ||
                        setweight(to_tsvector('english', body), 'C')) STORED)""");
            insert(c, corpus);
            s.execute("CREATE INDEX articles_doc ON articles USING gin (doc)");
            s.execute("CREATE INDEX articles_trgm ON articles USING gin (search_text gin_trgm_ops)");
            s.execute("VACUUM ANALYZE articles");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void insert(Connection c, Path corpus) throws IOException, SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
                JsonNode e = Json.MAPPER.readTree(line);
                String questions = String.join("\n", strings(e.path("questions")));
                String body = e.path("cause").asText("") + "\n" + e.path("script").asText("");
                ps.setString(1, e.get("key").asText());
                ps.setString(2, e.get("locale").asText());
                ps.setString(3, e.get("status").asText());
                ps.setString(4, e.get("problem").asText());
                ps.setString(5, questions);
                ps.setString(6, body);
                ps.setString(7, e.get("problem").asText() + "\n" + questions);
                ps.addBatch();
                if (++n % 1000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** One connection's searcher for {@code method}; not thread-safe. */
    final class Searcher implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;
        private final Method method;

        Searcher(Method method) throws SQLException {
            this.method = method;
            this.connection = connect();
            this.statement = connection.prepareStatement(method.sql);
        }

        List<String> top10(String text, String locale) throws SQLException {
            switch (method) {
                case FTS -> bind(text, locale);
                case TRGM -> bind(locale, text, text);
                case ILIKE -> bind(locale, "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            List<String> keys = new ArrayList<>(10);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) keys.add(r.getString(1));
            }
            return keys;
        }

        private void bind(String... values) throws SQLException {
            for (int i = 0; i < values.length; i++) statement.setString(i + 1, values[i]);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
