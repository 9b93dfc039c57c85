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

    /** Adds {@code counts} to {@code epochDay}'s. */
    void add(long epochDay, Map<EmotionLexicon.Word, Integer> counts) {
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
            return null;
        });
    }

    /** The most frequent words from {@code fromDay} on, in {@code lang} ({@code zh}, {@code en}) or any when null. */
    List<Total> top(long fromDay, String lang, int limit) {
        String sql = "SELECT word, lang, emotion, SUM(occurrences) AS n FROM emotion_word_counts WHERE epoch_day >= ?"
                + (lang == null ? "" : " AND lang = ?") + " GROUP BY word, lang, emotion ORDER BY n DESC, word LIMIT ?";
        List<Object> args = new ArrayList<>(List.of(fromDay));
        if (lang != null) args.add(lang);
        args.add(limit);
        return db.read(c -> Sql.list(c, sql, args, rs -> new Total(rs.getString(1), rs.getString(2),
                Emotion.parse(rs.getString(3)), rs.getLong(4))));
    }

    /** Deletes the counts of days before {@code epochDay}; returns how many rows went. */
    int deleteBefore(long epochDay) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM emotion_word_counts WHERE epoch_day < ?")) {
                ps.setLong(1, epochDay);
                return ps.executeUpdate();
            }
        });
    }
}
