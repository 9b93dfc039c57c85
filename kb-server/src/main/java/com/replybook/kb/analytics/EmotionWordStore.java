package com.replybook.kb.analytics;

import com.replybook.kb.db.Database;
import com.replybook.kb.vocabulary.Emotion;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily counts of the customers' emotion words (table {@code emotion_word_counts}): the only trace customers'
 * messages leave. Thread-safe.
 */
final class EmotionWordStore {

    /** A word's total over some days, e.g. {@code 失望 ×12 (disappointed)}. */
    record Total(String word, String lang, Emotion emotion, long count) {
    }

    private final Database db;

    EmotionWordStore(Database db) {
        this.db = db;
    }

    /** Adds {@code counts} to {@code epochDay}'s, of every shop and, when it is not null, of {@code shop}. */
    void add(long epochDay, Map<EmotionLexicon.Word, Integer> counts, String shop) {
        if (counts.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO emotion_word_counts"
                    + " (epoch_day, word, lang, emotion, occurrences) VALUES (?,?,?,?,?) ON CONFLICT (epoch_day, word)"
                    + " DO UPDATE SET occurrences = emotion_word_counts.occurrences + excluded.occurrences,"
                    + " emotion = excluded.emotion")) {
                for (var e : counts.entrySet()) {
                    ps.setLong(1, epochDay);
                    ps.setString(2, e.getKey().word());
                    ps.setString(3, e.getKey().chinese() ? "zh" : "en");
                    ps.setString(4, e.getKey().emotion().id());
                    ps.setLong(5, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (shop != null) addForShop(c, epochDay, counts, shop);
            return null;
        });
    }

    private static void addForShop(java.sql.Connection c, long epochDay, Map<EmotionLexicon.Word, Integer> counts,
                                   String shop) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO emotion_word_shop_counts"
                + " (epoch_day, shop_key, word, lang, emotion, occurrences) VALUES (?,?,?,?,?,?)"
                + " ON CONFLICT (epoch_day, shop_key, word) DO UPDATE SET"
                + " occurrences = emotion_word_shop_counts.occurrences + excluded.occurrences, emotion = excluded.emotion")) {
            for (var e : counts.entrySet()) {
                ps.setLong(1, epochDay);
                ps.setString(2, shop);
                ps.setString(3, e.getKey().word());
                ps.setString(4, e.getKey().chinese() ? "zh" : "en");
                ps.setString(5, e.getKey().emotion().id());
                ps.setLong(6, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The most frequent words from {@code fromDay} on, in {@code lang} ({@code zh}, {@code en}) or any when null, of
     * the tickets of {@code shops} (null: of every ticket).
     */
    List<Total> top(long fromDay, String lang, int limit, List<String> shops) {
        List<Object> args = new ArrayList<>(List.of(fromDay));
        String table = shops == null ? "emotion_word_counts" : "emotion_word_shop_counts";
        String inShops = "";
        if (shops != null) {
            inShops = " AND shop_key IN (" + String.join(", ", java.util.Collections.nCopies(shops.size(), "?")) + ")";
            args.addAll(shops);
        }
        String sql = "SELECT word, lang, emotion, SUM(occurrences) AS n FROM " + table + " WHERE epoch_day >= ?" + inShops
                + (lang == null ? "" : " AND lang = ?") + " GROUP BY word, lang, emotion ORDER BY n DESC, word LIMIT ?";
        if (lang != null) args.add(lang);
        args.add(limit);
        return db.read(c -> Sql.list(c, sql, args, rs -> new Total(rs.getString(1), rs.getString(2),
                Emotion.parse(rs.getString(3)), rs.getLong(4))));
    }

    /** Deletes the counts of days before {@code epochDay}; returns how many rows went. */
    int deleteBefore(long epochDay) {
        return db.inTransaction(c -> {
            int n = 0;
            for (String table : List.of("emotion_word_counts", "emotion_word_shop_counts")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE epoch_day < ?")) {
                    ps.setLong(1, epochDay);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }
}
