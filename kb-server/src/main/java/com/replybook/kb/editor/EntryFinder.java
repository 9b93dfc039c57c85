package com.replybook.kb.editor;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryFamily;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Staleness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only listings the console needs beyond {@code EntryStore.list}: free-text and stale filters, locale
 * siblings of a key, the stale queue. Reads the {@code entries} table directly (the store stays the only
 * writer). A text query goes to {@link TextSearch} (the search agents use) and lists its hits best first;
 * only while that is unavailable does it fall back to substring matching. Thread-safe.
 */
public final class EntryFinder { // public only so that FreeMarker may read its rows

    /** One row of a listing. {@code stale}: not verified within its interval. */
    public record Row(String id, String key, String locale, String category, String problem, EntryStatus status,
               String owner, long version, Instant updatedAt, Instant verifiedAt, boolean stale) {
    }

    /**
     * Filters of the entries list; null or blank values do not filter. {@code missing}: {@code sms} or
     * {@code review} lists the entries without that channel version (to write them after an upgrade).
     */
    public record Filter(String status, String category, String locale, String owner, String tag, boolean staleOnly,
                  String missing, String q, int page) {
    }

    /** The channel versions an entry may lack, and the column that holds each. */
    static final Map<String, String> VERSION_COLUMNS = Map.of(Channel.SMS.id(), "sms_script",
            Channel.REVIEW.id(), "review_script");

    /** Ids of entries matching the filter's text, best first; empty when the search cannot answer now. */
    interface TextSearch {
        Optional<List<String>> rankedIds(Filter f);

        /** Whether the best hit for the filter's text answers it (search's confidence); true when it cannot tell. */
        default boolean confident(Filter f) {
            return true;
        }
    }

    static final int PAGE_SIZE = 50;
    private final Database db;
    private final TextSearch text;

    EntryFinder(Database db, TextSearch text) {
        this.db = db;
        this.text = text;
    }

    /** Matching rows, one page, newest change first; {@code total} is in the returned list's holder. */
    Result find(Filter f, Instant now) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        eq(where, args, "status", f.status());
        eq(where, args, "locale", f.locale());
        eq(where, args, "owner", f.owner());
        if (notBlank(f.category())) {
            where.add("(category = ? OR category LIKE ? ESCAPE '\\')");
            args.add(f.category());
            args.add(like(f.category()) + "/%");
        }
        if (notBlank(f.tag())) {
            where.add("tags LIKE ? ESCAPE '\\'");
            args.add("%\"" + like(f.tag()) + "\"%");
        }
        Optional<List<String>> ranked = notBlank(f.q()) ? text.rankedIds(f) : Optional.empty();
        if (ranked.isPresent()) {
            if (ranked.get().isEmpty()) return new Result(0, List.of());
            where.add("id IN (" + String.join(",", Collections.nCopies(ranked.get().size(), "?")) + ")");
            args.addAll(ranked.get());
        } else if (notBlank(f.q())) {
            where.add("(LOWER(entry_key) LIKE ? ESCAPE '\\' OR LOWER(problem) LIKE ? ESCAPE '\\' OR LOWER(questions) "
                    + "LIKE ? ESCAPE '\\' OR LOWER(cause) LIKE ? ESCAPE '\\' OR LOWER(script) LIKE ? ESCAPE '\\')");
            String p = "%" + like(f.q().toLowerCase(Locale.ROOT)) + "%";
            for (int i = 0; i < 5; i++) args.add(p);
        }
        if (f.staleOnly()) {
            where.add(Staleness.SQL);
            args.add(now.toEpochMilli());
        }
        String versionColumn = f.missing() == null ? null : VERSION_COLUMNS.get(f.missing());
        if (versionColumn != null) where.add(versionColumn + " = ''"); // a constant from the map, never user text
        String sql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        if (ranked.isPresent()) return inRankOrder(sql, args, ranked.get(), f.page(), now);
        return db.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entries" + sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entries" + sql
                    + " ORDER BY updated_at DESC, entry_key LIMIT " + PAGE_SIZE + " OFFSET " + (long) (f.page() - 1) * PAGE_SIZE)) {
                bind(ps, args);
                return new Result(total, rows(ps, now));
            }
        });
    }

    public record Result(long total, List<Row> rows) {
    }

    /**
     * Whether the filter's text found a good match: false when the search lists only weaker hits (the console then
     * says "no good match" and folds them). True without a text.
     */
    boolean confident(Filter f) {
        return !notBlank(f.q()) || text.confident(f);
    }

    /** The rows of at most {@link com.replybook.kb.search.SearchRequest#MAX_LIMIT} hits, in the search's order. */
    private Result inRankOrder(String sql, List<Object> args, List<String> ids, int page, Instant now) {
        List<Row> rows = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entries" + sql)) {
                bind(ps, args);
                return rows(ps, now);
            }
        });
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) rank.put(ids.get(i), i);
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(r -> rank.get(r.id())));
        int from = Math.min(ordered.size(), (page - 1) * PAGE_SIZE);
        return new Result(ordered.size(), ordered.subList(from, Math.min(ordered.size(), from + PAGE_SIZE)));
    }

    /** Entries whose key shares {@code key}'s base ({@code logistics-delay.zh-cn} → {@code logistics-delay.*}). */
    List<Row> localeVersions(String key, Instant now) {
        String base = baseKey(key);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM entries WHERE entry_key = ? OR entry_key LIKE ? ESCAPE '\\' ORDER BY locale")) {
                ps.setString(1, base);
                ps.setString(2, like(base) + ".%");
                List<Row> out = new ArrayList<>();
                for (Row r : rows(ps, now)) if (baseKey(r.key()).equals(base)) out.add(r);
                return out;
            }
        });
    }

    /** {@code logistics-delay.zh-cn} → {@code logistics-delay}; a key without a locale suffix is its own base. */
    static String baseKey(String key) {
        return EntryFamily.of(key);
    }

    private static final String COLUMNS = "id, entry_key, locale, category, problem, status, owner, version, "
            + "updated_at, verified_at, created_at, verify_every_days";

    private static List<Row> rows(PreparedStatement ps, Instant now) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long verified = rs.getLong(10);
                Instant verifiedAt = rs.wasNull() ? null : Instant.ofEpochMilli(verified);
                Instant createdAt = Instant.ofEpochMilli(rs.getLong(11));
                boolean stale = Staleness.isStale(verifiedAt, createdAt, rs.getInt(12), now);
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        EntryStatus.fromWire(rs.getString(6)), rs.getString(7), rs.getLong(8),
                        Instant.ofEpochMilli(rs.getLong(9)), verifiedAt, stale));
            }
        }
        return out;
    }

    private static void eq(List<String> where, List<Object> args, String column, String value) {
        if (notBlank(value)) {
            where.add(column + " = ?");
            args.add(value.strip());
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
