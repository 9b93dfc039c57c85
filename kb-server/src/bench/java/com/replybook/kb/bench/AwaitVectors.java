package com.replybook.kb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Waits until a running server has stored the vectors of {@code --expect} entries (hybrid search embeds entries in
 * the background after an import made with semantic search off), reading its SQLite file read-only. Exits 1 on
 * time-out, printing how far it got and the embedding rate.
 *
 * <pre>{@code
 * java -cp … com.replybook.kb.bench.AwaitVectors --db data/replybook.db --expect 10000 --timeout 900
 * }</pre>
 */
public final class AwaitVectors {

    private AwaitVectors() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, "db", "expect", "timeout");
        int expect = a.integer("expect", 0);
        long start = System.nanoTime(), deadline = start + a.integer("timeout", 900) * 1_000_000_000L;
        int first = -1, n = 0;
        String url = "jdbc:sqlite:file:" + Path.of(a.required("db")).toAbsolutePath() + "?mode=ro";
        while (System.nanoTime() < deadline) {
            n = count(url);
            if (first < 0) first = n;
            if (n >= expect) break;
            Thread.sleep(2000);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("vectors: %d of %d stored after %.0f s (%.1f entries/s embedded while waiting)%n",
                n, expect, s, (n - first) / Math.max(s, 1));
        if (n < expect) System.exit(1);
    }

    private static int count(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM entry_vectors")) {
            return r.next() ? r.getInt(1) : 0;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) return 0;
            throw e;
        }
    }
}
