package com.replybook.kb.editor;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryFamily;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Staleness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only listings the console needs beyond {@code EntryStore.list}: free-text and stale filters, locale
 * siblings of a key, the stale queue. Reads the {@code entries} table directly (the store stays the only
 * writer). A text query lists, in this order: the entry whose key it is, entries whose key contains it, the
 * matches of {@link TextSearch} (the search agents use) best first, and entries whose text contains it
 * word for word; the search's weaker hits are listed apart ({@link Result#weaker()}), so the count is what the
 * list shows. While the search is unavailable only keys and exact text are matched. Thread-safe.
 */
public final class EntryFinder { // public only so that FreeMarker may read its rows

    /** One row of a listing. {@code stale}: not verified within its interval. */
    public record Row(String id, String key, String locale, String category, String problem, EntryStatus status,
               String owner, long version, Instant updatedAt, Instant verifiedAt, boolean stale) {
    }

    /**
     * Filters of the entries list; null or blank values do not filter. {@code missing}: {@code sms} or
     * {@code review} lists the entries without that channel version (to write them after an upgrade). {@code scope}:
     * what the reader may see (their shops, or the one shop they chose, and their own personal entries); never null.
     */
    public record Filter(String status, String category, String locale, String owner, String tag, boolean staleOnly,
                  String missing, String q, int page, EntryScope scope) {

        /** The shop the list is narrowed to, or "" for all the reader's shops (for the filter form). */
        public String shop() {
            return scope.shops() != null && scope.shops().size() == 1 ? scope.shops().getFirst() : "";
        }
    }

    /** The channel versions an entry may lack, and the column that holds each. */
    static final Map<String, String> VERSION_COLUMNS = Map.of(Channel.SMS.id(), "sms_script",
            Channel.REVIEW.id(), "review_script");

    /**
     * The search's matches and weaker hits for the filter's text within its scope; empty when the search cannot answer
     * now.
     */
    @FunctionalInterface
    interface TextSearch {
        Optional<SearchMatches.Split> search(Filter f);
    }

    static final int PAGE_SIZE = 50;
    /** Most rows a text query reads; on a library where more contain the text, the count is "at least". */
    static final int MAX_TEXT_ROWS = 2_000;
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
        where.add(f.scope().sql(null, args));
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
        if (f.staleOnly()) {
            where.add(Staleness.SQL);
            args.add(now.toEpochMilli());
        }
        String versionColumn = f.missing() == null ? null : VERSION_COLUMNS.get(f.missing());
        if (versionColumn != null) where.add(versionColumn + " = ''"); // a constant from the map, never user text
        if (notBlank(f.q())) return byText(f, where, args, now);
        String sql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
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

    /**
     * One page of a listing. {@code total} counts every match (all pages); {@code weaker} are hits the search
     * found without matching well, shown apart and not counted.
     */
    public record Result(long total, List<Row> rows, List<Row> weaker) {
        public Result(long total, List<Row> rows) {
            this(total, rows, List.of());
        }
    }

    /** The rows of a text query, in {@link EntryFinder}'s order, within the other filters ({@code where}). */
    private Result byText(Filter f, List<String> where, List<Object> args, Instant now) {
        String q = f.q().strip().toLowerCase(Locale.ROOT);
        SearchMatches.Split hits = text.search(f).orElse(new SearchMatches.Split(List.of(), List.of()));
        List<String> words = new ArrayList<>();
        words.add("LOWER(entry_key) LIKE ? ESCAPE '\\'");
        if (q.length() >= 2) { // one character is in almost every text: not a match worth listing
            for (String column : TEXT_COLUMNS) words.add("LOWER(" + column + ") LIKE ? ESCAPE '\\'");
        }
        List<Object> wordArgs = Collections.nCopies(words.size(), "%" + like(q) + "%");
        List<Row> containing = select(where, args, "(" + String.join(" OR ", words) + ")", wordArgs, now);
        List<String> ids = new ArrayList<>(hits.matches());
        ids.addAll(hits.weaker());
        List<Row> found = ids.isEmpty() ? List.of() : select(where, args,
                "id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")", ids, now);
        return new TextOrder(q, hits, containing).page(found, f.page(), PAGE_SIZE);
    }

    /** Rows within the filters {@code where} that also meet {@code condition}; at most {@link #MAX_TEXT_ROWS}. */
    private List<Row> select(List<String> where, List<Object> args, String condition, List<?> conditionArgs,
                             Instant now) {
        List<String> all = new ArrayList<>(where);
        all.add(condition);
        List<Object> allArgs = new ArrayList<>(args);
        allArgs.addAll(conditionArgs);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entries WHERE "
                    + String.join(" AND ", all) + " LIMIT " + MAX_TEXT_ROWS)) {
                bind(ps, allArgs);
                return rows(ps, now);
            }
        });
    }

    /**
     * Entries within {@code scope} whose key shares {@code key}'s base ({@code logistics-delay.zh-cn} →
     * {@code logistics-delay.*}).
     */
    List<Row> localeVersions(String key, EntryScope scope, Instant now) {
        String base = baseKey(key);
        List<Object> args = new ArrayList<>(List.of(base, like(base) + ".%"));
        String scoped = scope.sql(null, args);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM entries WHERE (entry_key = ? OR entry_key LIKE ? ESCAPE '\\') AND " + scoped
                    + " ORDER BY locale")) {
                bind(ps, args);
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
    /** The texts a query may be found in word for word (the similar questions are stored as a JSON array). */
    private static final List<String> TEXT_COLUMNS = List.of("problem", "questions", "cause", "script", "sms_script",
            "review_script");

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
