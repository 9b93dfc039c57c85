package com.replybook.kb.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.ShopClause;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cases and collections in the database. Drafts arrive already sanitised by {@link CaseParser}; the store
 * only persists. A collection's items are rewritten as a whole in one transaction, so their order is
 * always consistent. Edits name the {@code updatedAt} they were based on and are refused (409) when someone
 * saved in between: {@code updatedAt} is the optimistic version of cases and collections, and every change
 * moves it forward by at least a millisecond. Thread-safe.
 */
public final class CaseStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String CASE_COLUMNS = "id, title, excerpt_html, agent_did, why_it_worked, outcome, tags, "
            + "entry_keys, rating, source, created_at, created_by, updated_at, updated_by, helpdesk, ticket_id, agent, shop";

    private final Database db;
    private final Clock clock;

    public CaseStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Case create(CaseDraft d, String actor) {
        Instant now = clock.instant();
        Case c = new Case(UUID.randomUUID().toString(), d.title(), d.excerptHtml(), d.agentDid(), d.whyItWorked(),
                d.outcome(), d.tags(), d.entryKeys(), d.rating(), d.source(), now, actor, now, actor, d.helpdesk(),
                d.ticketId(), d.agent(), d.shop());
        db.inTransaction(conn -> insert(conn, c));
        return c;
    }

    /**
     * Replaces case {@code id}; 409 when it was saved after {@code basedOn} (its {@code updatedAt} as loaded). The case
     * keeps its shop unless {@code d} names one.
     */
    public Case update(String id, CaseDraft d, String actor, Instant basedOn) {
        Case cur = find(id).orElseThrow(() -> ApiException.notFound(CaseError.NOT_FOUND, id));
        // A lead's edit keeps where the case was captured: the console form does not carry the ticket.
        Case c = new Case(id, d.title(), d.excerptHtml(), d.agentDid(), d.whyItWorked(), d.outcome(), d.tags(),
                d.entryKeys(), d.rating(), d.source(), cur.createdAt(), cur.createdBy(), next(cur.updatedAt()), actor,
                d.helpdesk() != null ? d.helpdesk() : cur.helpdesk(), d.helpdesk() != null ? d.ticketId() : cur.ticketId(),
                d.agent() != null ? d.agent() : cur.agent(), d.shop() != null ? d.shop() : cur.shop());
        db.inTransaction(conn -> {
            claim(conn, "cases", id, basedOn, c.updatedAt());
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM cases WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return insert(conn, c);
        });
        return c;
    }

    /** Inserts or replaces {@code c} as is, keeping its id and times (JSON import; a lossless round trip). */
    public void put(Case c) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM cases WHERE id = ?")) {
                ps.setString(1, c.id());
                ps.executeUpdate();
            }
            return insert(conn, c);
        });
    }

    public Optional<Case> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases WHERE id = ?")) {
                ps.setString(1, id);
                List<Case> found = cases(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            }
        });
    }

    /** Cases whose title, excerpt or tags contain {@code q} (any when blank), newest first, at most 500. */
    public List<Case> list(String q, String tag) {
        return list(q, tag, null);
    }

    /**
     * As {@link #list(String, String)}, of {@code shops} and of no shop ({@code shops} null: of every shop); a reader
     * limited to shops never lists another shop's case ({@link com.replybook.kb.entries.KnownShops#scope}).
     */
    public List<Case> list(String q, String tag, List<String> shops) {
        return list(q, tag, shops, " LIMIT 500");
    }

    /** Every case of {@code shops} and of no shop ({@code shops} null: of every shop), newest first: for an export. */
    public List<Case> all(List<String> shops) {
        return list(null, null, shops, "");
    }

    private List<Case> list(String q, String tag, List<String> shops, String limit) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM cases WHERE 1=1");
            List<String> args = new ArrayList<>();
            sql.append(ShopClause.ofShopsOrNone(shops, args));
            if (q != null && !q.isBlank()) {
                sql.append(" AND (LOWER(title) LIKE ? ESCAPE '\\' OR LOWER(excerpt_html) LIKE ? ESCAPE '\\' OR LOWER(tags) LIKE ? ESCAPE '\\')");
                String p = "%" + like(q.strip().toLowerCase(Locale.ROOT)) + "%";
                args.add(p);
                args.add(p);
                args.add(p);
            }
            if (tag != null && !tag.isBlank()) {
                sql.append(" AND tags LIKE ? ESCAPE '\\'");
                args.add("%\"" + like(tag.strip()) + "\"%");
            }
            sql.append(" ORDER BY updated_at DESC").append(limit);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                return cases(ps);
            }
        });
    }

    public void delete(String id) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_collection_items WHERE item_type = 'case' AND item_ref = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM cases WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    // --- collections ----------------------------------------------------------------------------------------

    public CaseCollection createCollection(String name, String description, String actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.unprocessable("name", CaseError.COLLECTION_NAME);
        }
        Instant now = clock.instant();
        CaseCollection col = new CaseCollection(UUID.randomUUID().toString(), name.strip(),
                description == null ? "" : description.strip(), List.of(), now, actor, now, actor, false);
        putCollection(col);
        return col;
    }

    /** Inserts or replaces {@code col} with its items in order (also used by JSON import). */
    public void putCollection(CaseCollection col) {
        db.inTransaction(c -> write(c, col));
    }

    private static Void write(Connection c, CaseCollection col) throws SQLException {
        deleteCollection(c, col.id());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_collections (id, name, description, "
                + "created_at, created_by, updated_at, updated_by, published) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, col.id());
            ps.setString(2, col.name());
            ps.setString(3, col.description());
            ps.setLong(4, col.createdAt().toEpochMilli());
            ps.setString(5, col.createdBy());
            ps.setLong(6, col.updatedAt().toEpochMilli());
            ps.setString(7, col.updatedBy());
            ps.setInt(8, col.published() ? 1 : 0);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_collection_items (collection_id, position, "
                + "item_type, item_ref) VALUES (?,?,?,?)")) {
            int pos = 0;
            for (CollectionItem item : col.items()) {
                ps.setString(1, col.id());
                ps.setInt(2, pos++);
                ps.setString(3, item.type());
                ps.setString(4, item.ref());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    /**
     * Replaces the items of collection {@code id} (add, remove, reorder are all this); 409 when the collection
     * was saved after {@code basedOn}, since positions the user saw may no longer be right.
     */
    public CaseCollection setItems(String id, List<CollectionItem> items, String actor, Instant basedOn) {
        CaseCollection cur = collection(id).orElseThrow(() -> ApiException.notFound(CaseError.COLLECTION_NOT_FOUND, id));
        for (CollectionItem i : items) {
            if (!i.type().equals("case") && !i.type().equals("entry")) {
                throw ApiException.unprocessable("type", CaseError.ITEM_TYPE);
            }
        }
        CaseCollection next = new CaseCollection(id, cur.name(), cur.description(), items, cur.createdAt(),
                cur.createdBy(), next(cur.updatedAt()), actor, cur.published());
        db.inTransaction(c -> {
            claim(c, "case_collections", id, basedOn, next.updatedAt());
            return write(c, next);
        });
        return next;
    }

    /**
     * Publishes collection {@code id} for agents to study, or takes it back ({@code published} false); 409 when it
     * was saved after {@code basedOn}.
     */
    public CaseCollection setPublished(String id, boolean published, String actor, Instant basedOn) {
        CaseCollection cur = collection(id).orElseThrow(() -> ApiException.notFound(CaseError.COLLECTION_NOT_FOUND, id));
        Instant at = next(cur.updatedAt());
        db.inTransaction(c -> {
            claim(c, "case_collections", id, basedOn, at);
            try (PreparedStatement ps = c.prepareStatement("UPDATE case_collections SET published = ?, updated_by = ? WHERE id = ?")) {
                ps.setInt(1, published ? 1 : 0);
                ps.setString(2, actor);
                ps.setString(3, id);
                return ps.executeUpdate();
            }
        });
        return collection(id).orElseThrow();
    }

    /** Now, or a millisecond after {@code previous} when the clock has not moved on, so versions always change. */
    private Instant next(Instant previous) {
        Instant now = clock.instant();
        return now.toEpochMilli() > previous.toEpochMilli() ? now : previous.plusMillis(1);
    }

    /** Moves row {@code id} of {@code table} from {@code basedOn} to {@code now}; 409 if it is no longer at {@code basedOn}. */
    private static void claim(Connection c, String table, String id, Instant basedOn, Instant now) throws SQLException {
        if (basedOn == null) throw ApiException.badRequest("basedOn", CaseError.BASED_ON);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET updated_at = ? WHERE id = ? AND updated_at = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, id);
            ps.setLong(3, basedOn.toEpochMilli());
            if (ps.executeUpdate() != 1) {
                throw ApiException.conflict(CaseError.CHANGED, Map.of("basedOn", basedOn.toEpochMilli()));
            }
        }
    }

    /** Deletes collection {@code id} with its items and the marks of who studied it. */
    public void removeCollection(String id) {
        db.inTransaction(c -> {
            deleteCollection(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM collection_studies WHERE collection_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<CaseCollection> collections() {
        List<String> ids = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM case_collections ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        });
        return ids.stream().map(this::collection).flatMap(Optional::stream).toList();
    }

    /** The collection with its items; item titles are the case title or the entry's problem. */
    public Optional<CaseCollection> collection(String id) {
        return db.read(c -> {
            CaseCollection col;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description, created_at, created_by, "
                    + "updated_at, updated_by, published FROM case_collections WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    col = new CaseCollection(rs.getString(1), rs.getString(2), rs.getString(3), List.of(),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            rs.getString(7), rs.getInt(8) != 0);
                }
            }
            List<CollectionItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.item_type, i.item_ref, c.title, e.problem "
                    + "FROM case_collection_items i LEFT JOIN cases c ON i.item_type = 'case' AND c.id = i.item_ref "
                    + "LEFT JOIN entries e ON i.item_type = 'entry' AND e.entry_key = i.item_ref "
                    + "WHERE i.collection_id = ? ORDER BY i.position")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String title = rs.getString(3) != null ? rs.getString(3) : rs.getString(4);
                        items.add(new CollectionItem(rs.getString(1), rs.getString(2), title));
                    }
                }
            }
            return Optional.of(col.withItems(items));
        });
    }

    private static void deleteCollection(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_collection_items WHERE collection_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM case_collections WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static int insert(Connection conn, Case c) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cases (" + CASE_COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, c.id());
            ps.setString(2, c.title());
            ps.setString(3, c.excerptHtml());
            ps.setString(4, c.agentDid());
            ps.setString(5, c.whyItWorked());
            ps.setString(6, c.outcome());
            ps.setString(7, json(c.tags()));
            ps.setString(8, json(c.entryKeys()));
            ps.setInt(9, c.rating());
            ps.setString(10, c.source());
            ps.setLong(11, c.createdAt().toEpochMilli());
            ps.setString(12, c.createdBy());
            ps.setLong(13, c.updatedAt().toEpochMilli());
            ps.setString(14, c.updatedBy());
            ps.setString(15, c.helpdesk());
            ps.setString(16, c.ticketId());
            ps.setString(17, c.agent());
            ps.setString(18, c.shop());
            return ps.executeUpdate();
        }
    }

    private static List<Case> cases(PreparedStatement ps) throws SQLException {
        List<Case> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Case(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), strings(rs.getString(7)), strings(rs.getString(8)), rs.getInt(9),
                        rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)), rs.getString(12),
                        Instant.ofEpochMilli(rs.getLong(13)), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17), rs.getString(18)));
            }
        }
        return out;
    }

    private static String json(List<String> list) {
        try {
            return Json.MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON list in cases", e);
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
