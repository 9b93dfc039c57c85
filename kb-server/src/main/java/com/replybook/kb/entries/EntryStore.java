package com.replybook.kb.entries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.vocabulary.Visibility;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entries in the database: the system of record. Every write runs in one transaction that also writes a
 * {@link Revision} (so no earlier text is ever lost) and a change-log row (so derived stores can catch up),
 * and bumps the version; a write based on an older version is refused with 409. Listeners hear about each
 * change after it commits. Thread-safe.
 */
public final class EntryStore implements EntryFeed {

    private static final Logger LOG = Logger.getLogger(EntryStore.class.getName());
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    static final String COLUMNS = "id, entry_key, locale, category, tags, problem, questions, cause, script, "
            + "diagnostics, actions, status, owner, verify_every_days, verified_at, version, created_at, created_by, "
            + "updated_at, updated_by, sms_script, review_script, accepted_fallbacks, shops, visibility, tone_scripts";

    private final Database db;
    private final Clock clock;
    private final List<Consumer<EntryChange>> listeners = new CopyOnWriteArrayList<>();

    public EntryStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a new entry at version 1; 409 when the key is taken. */
    public Entry create(EntryDraft draft, String actor) {
        return write((c, changes) -> {
            Optional<Entry> existing = findByKey(c, draft.key());
            if (existing.isPresent()) {
                throw ApiException.of(409, "conflict", "key", EntryError.KEY_TAKEN,
                        Map.of("id", existing.get().id(), "currentVersion", existing.get().version()), draft.key());
            }
            return insert(c, draft, actor, changes);
        });
    }

    /** Replaces the editable fields of entry {@code ref} if it is still at {@code expectedVersion}. */
    public Entry update(String ref, EntryDraft draft, long expectedVersion, String actor) {
        return update(ref, draft, expectedVersion, actor, "update", null);
    }

    /**
     * Like {@link #update(String, EntryDraft, long, String)} with a revision operation name and comment,
     * e.g. {@code restore} with "restored version 3". Taking a published entry offline (any status but published)
     * first discards its pending revision, as a revision of its own: the proposed text stays in the history.
     */
    public Entry update(String ref, EntryDraft draft, long expectedVersion, String actor, String operation,
                        String comment) {
        return write((c, changes) -> {
            Entry current = require(c, ref);
            checkVersion(current, expectedVersion);
            checkKeyFree(c, draft.key(), current.id());
            if (draft.status() != EntryStatus.PUBLISHED) current = discardPending(c, current, actor);
            return save(c, current, draft, current.verifiedAt(), actor, operation, comment, changes);
        });
    }

    /** Marks entry {@code ref} as verified now ("still correct"), bumping its version; a pending revision stays. */
    public Entry verify(String ref, long expectedVersion, String actor) {
        return write((c, changes) -> {
            Entry current = require(c, ref);
            checkVersion(current, expectedVersion);
            return save(c, current, EntryDraft.of(current), clock.instant(), actor, "verify", null, changes);
        });
    }

    /** Deletes entry {@code ref} and its pending revision; their text stays in the revisions. */
    public void delete(String ref, long expectedVersion, String actor) {
        write((c, changes) -> {
            Entry current = require(c, ref);
            checkVersion(current, expectedVersion);
            Entry last = current.atVersion(current.version() + 1, clock.instant(), actor);
            writeRevision(c, last, "delete", null, false);
            ReviewRecords.deletePending(c, current.id());
            ReviewRecords.deleteSentBack(c, current.id());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM entries WHERE id = ?")) {
                ps.setString(1, current.id());
                ps.executeUpdate();
            }
            changes.add(new EntryChange(logChange(c, current.id()), current.id(), null));
            return null;
        });
    }

    /**
     * Upserts a batch by key in one transaction (imports). Each item is saved or skipped on its own; a
     * database failure on one item rolls back only that item (savepoint). Returns one outcome per item.
     */
    public List<ImportOutcome> upsertAll(List<EntryDraft> drafts, String actor) {
        return write((c, changes) -> {
            List<ImportOutcome> out = new ArrayList<>(drafts.size());
            for (EntryDraft d : drafts) out.add(upsertOne(c, d, actor, changes));
            return out;
        });
    }

    /**
     * What happened to one imported item; {@code STALE} only from {@link #importAll}: the entry changed after the
     * row was planned, and the row was not written.
     */
    public enum ImportOutcome { CREATED, UPDATED, UNCHANGED, STALE }

    private ImportOutcome upsertOne(Connection c, EntryDraft d, String actor, List<EntryChange> changes)
            throws SQLException {
        Optional<Entry> current = findByKey(c, d.key());
        if (current.isPresent() && d.sameContentAs(current.get())) return ImportOutcome.UNCHANGED;
        if (current.isPresent()) {
            save(c, current.get(), d, current.get().verifiedAt(), actor, "import", null, changes);
            return ImportOutcome.UPDATED;
        }
        insert(c, d, actor, changes);
        return ImportOutcome.CREATED;
    }

    /** One row of an import: the draft and the version of the entry it was planned against (0: a new entry). */
    public record ImportItem(EntryDraft draft, long basedOn) {
    }

    /** What became of one {@link ImportItem}: its outcome, and the entry as stored after it (null when stale). */
    public record Imported(ImportOutcome outcome, Entry entry) {
    }

    /**
     * Writes a batch of planned import rows in one transaction: each is created (when {@code basedOn} is 0 and the
     * key is free), saved over the entry it was planned against (when that is still at {@code basedOn}), skipped
     * when it would change nothing, and otherwise left out as {@link ImportOutcome#STALE}: the library changed
     * between planning and writing, so the plan (and the permission check made for it) no longer holds.
     */
    public List<Imported> importAll(List<ImportItem> items, String actor) {
        List<EntryChange> changes = new ArrayList<>();
        List<Imported> outcomes = db.inTransaction(c -> {
            List<Imported> out = new ArrayList<>(items.size());
            for (ImportItem item : items) out.add(importOne(c, item, actor, changes));
            return out;
        });
        publish(changes);
        return outcomes;
    }

    private Imported importOne(Connection c, ImportItem item, String actor, List<EntryChange> changes)
            throws SQLException {
        EntryDraft d = item.draft();
        Optional<Entry> current = findByKey(c, d.key());
        if (current.isEmpty()) {
            return item.basedOn() == 0 ? new Imported(ImportOutcome.CREATED, insert(c, d, actor, changes))
                    : new Imported(ImportOutcome.STALE, null);
        }
        Entry e = current.get();
        if (e.version() != item.basedOn()) return new Imported(ImportOutcome.STALE, null);
        if (d.sameContentAs(e)) return new Imported(ImportOutcome.UNCHANGED, e);
        return new Imported(ImportOutcome.UPDATED, save(c, e, d, e.verifiedAt(), actor, "import", null, changes));
    }

    /** The entries with the given keys, by key; keys without an entry are absent. One query per 500 keys. */
    public Map<String, Entry> findByKeys(Collection<String> keys) {
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        Map<String, Entry> out = new HashMap<>();
        db.read(c -> {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM entries WHERE entry_key IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                    for (Entry e : entries(ps)) out.put(e.key(), e);
                }
            }
            return null;
        });
        return out;
    }

    /** The entry whose id or key is {@code ref}. */
    @Override
    public Optional<Entry> find(String ref) {
        return db.read(c -> find(c, ref));
    }

    public EntryPage list(EntryQuery q) {
        return db.read(c -> {
            Where where = Where.of(q);
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entries" + where.sql())) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String sql = "SELECT " + COLUMNS + " FROM entries" + where.sql() + " ORDER BY category, entry_key LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = where.bind(ps);
                ps.setInt(i++, q.pageSize());
                ps.setLong(i, (long) (q.page() - 1) * q.pageSize());
                return new EntryPage(total, q.page(), q.pageSize(), entries(ps));
            }
        });
    }

    /** All revisions of entry {@code ref} (found by id or key, deleted entries by id), newest first. */
    public List<Revision> revisions(String ref) {
        return db.read(c -> {
            String id = find(c, ref).map(Entry::id).orElse(ref);
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, version, operation, changed_at, changed_by, "
                    + "comment, snapshot, proposal FROM entry_revisions WHERE entry_id = ? ORDER BY version DESC")) {
                ps.setString(1, id);
                List<Revision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Revision(rs.getString(1), rs.getLong(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6),
                                fromJson(rs.getString(7), Entry.class), rs.getInt(8) == 1));
                    }
                }
                if (out.isEmpty()) throw ApiException.notFound(EntryError.NOT_FOUND, ref);
                return out;
            }
        });
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entries");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void forEachEntry(Consumer<Entry> sink) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entries ORDER BY id")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(entry(rs));
                }
            }
            return null;
        });
    }

    @Override
    public List<EntryChange> changesSince(long afterSeq, int limit) {
        return db.read(c -> {
            String sql = "SELECT ch.seq, ch.entry_id, " + prefixed("e") + " FROM entry_changes ch "
                    + "LEFT JOIN entries e ON e.id = ch.entry_id WHERE ch.seq > ? ORDER BY ch.seq LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                List<EntryChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(3);
                        Entry e = rs.wasNull() ? null : entry(rs, 2);
                        out.add(new EntryChange(rs.getLong(1), rs.getString(2), e));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void addListener(Consumer<EntryChange> listener) {
        listeners.add(listener);
    }

    // --- writing -------------------------------------------------------------------------------------------

    /** Work done in one write transaction, collecting the changes that the listeners hear about after it commits. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c, List<EntryChange> changes) throws SQLException;
    }

    /** Runs {@code work} in one transaction, then tells the listeners about the changes it committed. */
    <T> T write(Work<T> work) {
        List<EntryChange> changes = new ArrayList<>();
        T result = db.inTransaction(c -> work.run(c, changes));
        publish(changes);
        return result;
    }

    Clock clock() {
        return clock;
    }

    /** Reads in one connection, for the review loop's queries. */
    <T> T read(Database.SqlWork<T> work) {
        return db.read(work);
    }

    /**
     * Bumps the version of {@code current} without changing what agents read (a pending revision changed): the
     * entry's one version counts every change, so {@code If-Match} guards the pending revision like the entry. The
     * change log is not written: the live text, and so everything derived from it, stays as it was.
     */
    Entry bumpVersion(Connection c, Entry current) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE entries SET version = ? WHERE id = ? AND version = ?")) {
            ps.setLong(1, current.version() + 1);
            ps.setString(2, current.id());
            ps.setLong(3, current.version());
            if (ps.executeUpdate() != 1) throw staleVersion(current.version() + 1, current.version());
        }
        return current.atVersion(current.version() + 1, current.updatedAt(), current.updatedBy());
    }

    /**
     * Discards the pending revision of {@code current}, if it has one, as a revision of its own ({@code discard},
     * holding the discarded text); returns the entry at its new version, or {@code current} when there was none.
     */
    Entry discardPending(Connection c, Entry current, String actor) throws SQLException {
        Optional<PendingRevision> pending = ReviewRecords.pending(c, current.id());
        if (pending.isEmpty()) return current;
        Entry bumped = bumpVersion(c, current);
        writeRevision(c, pending.get().asRevision(bumped.version(), clock.instant(), actor), "discard", null, true);
        ReviewRecords.deletePending(c, current.id());
        ReviewRecords.deleteSentBack(c, current.id());
        return bumped;
    }

    private Entry insert(Connection c, EntryDraft d, String actor, List<EntryChange> changes) throws SQLException {
        Instant now = clock.instant();
        Entry e = d.toEntry(UUID.randomUUID().toString(), 1, d.status() == EntryStatus.PUBLISHED ? now : null, now,
                actor, now, actor);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entries (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            bindAll(ps, e);
            ps.executeUpdate();
        }
        writeRevision(c, e, "create", null, false);
        changes.add(new EntryChange(logChange(c, e.id()), e.id(), e));
        return e;
    }

    /**
     * Stores {@code d} over {@code current} as the next version, with its revision and change-log row. A draft that
     * goes (back) into review or live leaves its "sent back" note behind.
     */
    Entry save(Connection c, Entry current, EntryDraft d, Instant verifiedAt, String actor,
               String operation, String comment, List<EntryChange> changes) throws SQLException {
        Instant now = clock.instant();
        boolean publishing = d.status() == EntryStatus.PUBLISHED && current.status() != EntryStatus.PUBLISHED;
        Entry next = d.toEntry(current.id(), current.version() + 1, publishing ? now : verifiedAt, current.createdAt(),
                current.createdBy(), now, actor);
        try (PreparedStatement ps = c.prepareStatement("UPDATE entries SET entry_key=?, locale=?, category=?, tags=?, "
                + "problem=?, questions=?, cause=?, script=?, diagnostics=?, actions=?, status=?, owner=?, "
                + "verify_every_days=?, verified_at=?, version=?, updated_at=?, updated_by=?, sms_script=?, "
                + "review_script=?, accepted_fallbacks=?, shops=?, visibility=?, tone_scripts=? "
                + "WHERE id=? AND version=?")) {
            int i = bindContent(ps, 1, next);
            ps.setLong(i++, next.version());
            ps.setLong(i++, now.toEpochMilli());
            ps.setString(i++, actor);
            ps.setString(i++, next.smsScript());
            ps.setString(i++, next.reviewScript());
            ps.setString(i++, toJson(next.acceptedFallbacks()));
            i = bindScopes(ps, i, next);
            ps.setString(i++, current.id());
            ps.setLong(i, current.version());
            if (ps.executeUpdate() != 1) throw staleVersion(current.version() + 1, current.version());
        }
        writeRevision(c, next, operation, comment, false);
        if (next.status() != current.status()
                && (next.status() == EntryStatus.IN_REVIEW || next.status() == EntryStatus.PUBLISHED)) {
            ReviewRecords.deleteSentBack(c, next.id());
        }
        changes.add(new EntryChange(logChange(c, next.id()), next.id(), next));
        return next;
    }

    private static int bindContent(PreparedStatement ps, int i, Entry e) throws SQLException {
        ps.setString(i++, e.key());
        ps.setString(i++, e.locale());
        ps.setString(i++, e.category());
        ps.setString(i++, toJson(e.tags()));
        ps.setString(i++, e.problem());
        ps.setString(i++, toJson(e.questions()));
        ps.setString(i++, e.cause());
        ps.setString(i++, e.script());
        ps.setString(i++, toJson(e.diagnostics()));
        ps.setString(i++, toJson(e.actions()));
        ps.setString(i++, e.status().wire());
        ps.setString(i++, e.owner());
        ps.setInt(i++, e.verifyEveryDays());
        setInstant(ps, i++, e.verifiedAt());
        return i;
    }

    private static void bindAll(PreparedStatement ps, Entry e) throws SQLException {
        ps.setString(1, e.id());
        int i = bindContent(ps, 2, e);
        ps.setLong(i++, e.version());
        ps.setLong(i++, e.createdAt().toEpochMilli());
        ps.setString(i++, e.createdBy());
        ps.setLong(i++, e.updatedAt().toEpochMilli());
        ps.setString(i++, e.updatedBy());
        ps.setString(i++, e.smsScript());
        ps.setString(i++, e.reviewScript());
        ps.setString(i++, toJson(e.acceptedFallbacks()));
        bindScopes(ps, i, e);
    }

    /** Binds the shops, visibility and tone versions of {@code e} from parameter {@code i}; returns the next one. */
    private static int bindScopes(PreparedStatement ps, int i, Entry e) throws SQLException {
        ps.setString(i++, toJson(e.shops()));
        ps.setString(i++, e.visibility().id());
        ps.setString(i++, toJson(e.toneScripts()));
        return i;
    }

    /**
     * Records {@code e} as revision {@code e.version()}, changed at {@code e.updatedAt()} by {@code e.updatedBy()};
     * {@code proposal}: {@code e} is a pending revision's text rather than the entry as stored.
     */
    static void writeRevision(Connection c, Entry e, String operation, String comment, boolean proposal)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry_revisions (entry_id, version, entry_key, "
                + "operation, snapshot, changed_at, changed_by, comment, proposal) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, e.id());
            ps.setLong(2, e.version());
            ps.setString(3, e.key());
            ps.setString(4, operation);
            ps.setString(5, toJson(e));
            ps.setLong(6, e.updatedAt().toEpochMilli());
            ps.setString(7, e.updatedBy());
            ps.setString(8, comment);
            ps.setInt(9, proposal ? 1 : 0);
            ps.executeUpdate();
        }
    }

    private long logChange(Connection c, String entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO entry_changes (entry_id, changed_at) VALUES (?, ?)", new String[]{"seq"})) {
            ps.setString(1, entryId);
            ps.setLong(2, clock.instant().toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void publish(List<EntryChange> changes) {
        for (EntryChange change : changes) {
            for (Consumer<EntryChange> l : listeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    // The write is committed; a derived store that failed catches up from the change log.
                    LOG.log(Level.WARNING, "Change listener failed for " + change.entryId(), e);
                }
            }
        }
    }

    // --- reading -------------------------------------------------------------------------------------------

    Entry require(Connection c, String ref) throws SQLException {
        return find(c, ref).orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, ref));
    }

    static void checkVersion(Entry current, long expectedVersion) {
        if (current.version() != expectedVersion) throw staleVersion(expectedVersion, current.version());
    }

    private static ApiException staleVersion(long expected, long current) {
        return ApiException.conflict(EntryError.STALE_VERSION, Map.of("currentVersion", current), expected, current);
    }

    void checkKeyFree(Connection c, String key, String ownId) throws SQLException {
        Optional<Entry> other = findByKey(c, key);
        if (other.isPresent() && !other.get().id().equals(ownId)) {
            throw ApiException.of(409, "conflict", "key", EntryError.KEY_TAKEN, Map.of("id", other.get().id()), key);
        }
    }

    private Optional<Entry> find(Connection c, String ref) throws SQLException {
        Optional<Entry> byId = findBy(c, "id", ref);
        return byId.isPresent() ? byId : findByKey(c, ref);
    }

    private Optional<Entry> findByKey(Connection c, String key) throws SQLException {
        return findBy(c, "entry_key", key);
    }

    private Optional<Entry> findBy(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM entries WHERE " + column + " = ?")) {
            ps.setString(1, value);
            List<Entry> found = entries(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        }
    }

    private static List<Entry> entries(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(entry(rs));
        }
        return out;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return entry(rs, 0);
    }

    /** Reads the {@link #COLUMNS} starting after column {@code offset}. */
    private static Entry entry(ResultSet rs, int o) throws SQLException {
        return new Entry(rs.getString(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getString(o + 4),
                fromJson(rs.getString(o + 5), STRING_LIST), rs.getString(o + 6),
                fromJson(rs.getString(o + 7), STRING_LIST), rs.getString(o + 8), rs.getString(o + 9),
                rs.getString(o + 21), rs.getString(o + 22),
                fromJson(rs.getString(o + 10), STRING_LIST), fromJson(rs.getString(o + 11), STRING_LIST),
                fromJson(rs.getString(o + 23), STRING_LIST),
                EntryStatus.fromWire(rs.getString(o + 12)), rs.getString(o + 13), rs.getInt(o + 14),
                instant(rs, o + 15), rs.getLong(o + 16), instant(rs, o + 17), rs.getString(o + 18),
                instant(rs, o + 19), rs.getString(o + 20), fromJson(rs.getString(o + 24), STRING_LIST),
                Visibility.fromWire(rs.getString(o + 25)), fromJson(rs.getString(o + 26), STRING_MAP));
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, t.toEpochMilli());
    }

    static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("Corrupt JSON column", new SQLException(e));
        }
    }

    static <T> T fromJson(String json, Class<T> type) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("Corrupt revision snapshot", new SQLException(e));
        }
    }

    /** The WHERE clause of a listing and its parameters. */
    private record Where(String sql, List<Object> params) {
        static Where of(EntryQuery q) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            clauses.add(q.scope().sql(null, params));
            if (q.visibility() != null) { clauses.add("visibility = ?"); params.add(q.visibility().id()); }
            if (q.status() != null) { clauses.add("status = ?"); params.add(q.status().wire()); }
            if (q.locale() != null) { clauses.add("locale = ?"); params.add(q.locale()); }
            if (q.owner() != null) { clauses.add("owner = ?"); params.add(q.owner()); }
            if (q.category() != null) {
                clauses.add("(category = ? OR category LIKE ? ESCAPE '\\')");
                params.add(q.category());
                params.add(q.category().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
            }
            if (q.tag() != null) {
                clauses.add("tags LIKE ? ESCAPE '\\'");
                params.add("%" + toJson(q.tag()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
        }

        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : params) ps.setObject(i++, p);
            return i;
        }
    }
}
