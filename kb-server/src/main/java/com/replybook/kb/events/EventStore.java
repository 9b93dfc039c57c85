package com.replybook.kb.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Append-only JDBC store of usage events (table {@code usage_events}). Other features record events of their own
 * through {@link #record} (e.g. the approvals of compensation). Thread-safe.
 */
public final class EventStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Database db;
    private final Clock clock;

    public EventStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores {@code e} with a new id and the current time; returns the stored event. */
    public UsageEvent record(UsageEvent e) {
        UsageEvent stored = e.stored(UUID.randomUUID().toString(), clock.instant());
        String sql = "INSERT INTO usage_events (id, event_type, entry_id, entry_version, tone, channel, emotion, helpdesk,"
                + " ticket_id, query, source, hits, agent, user_name, created_at, product, outcome, score,"
                + " compensation_offer, compensation_minor, approval_id, approval, confident, actions, shop)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stored.id());
            ps.setString(2, stored.type().wire());
            ps.setString(3, stored.entryId());
            setLong(ps, 4, stored.entryVersion());
            ps.setString(5, stored.tone());
            ps.setString(6, stored.channel());
            ps.setString(7, stored.emotion());
            ps.setString(8, stored.helpdesk());
            ps.setString(9, stored.ticketId());
            ps.setString(10, stored.query());
            ps.setString(11, stored.source());
            setInt(ps, 12, stored.hits());
            ps.setString(13, stored.agent());
            ps.setString(14, stored.user());
            ps.setLong(15, stored.at().toEpochMilli());
            ps.setString(16, stored.product());
            ps.setString(17, stored.outcome() == null ? null : stored.outcome().id());
            setInt(ps, 18, stored.score());
            Compensation comp = stored.compensation();
            ps.setString(19, comp == null ? null : comp.offer().id());
            setLong(ps, 20, comp == null ? null : comp.minorUnits());
            ps.setString(21, comp == null ? null : comp.approvalId());
            ps.setString(22, stored.approval() == null ? null : stored.approval().id());
            if (stored.confident() == null) ps.setNull(23, Types.BOOLEAN); else ps.setBoolean(23, stored.confident());
            ps.setString(24, stored.actions() == null ? null : strings(stored.actions()));
            ps.setString(25, stored.shop());
            ps.executeUpdate();
            return stored;
        } catch (SQLException ex) {
            throw new DataAccessException(ex);
        }
    }

    /**
     * The texts agents typed in their latest searches, newest first, each once, at most {@code limit} (what a starting
     * server replays to warm up its search).
     */
    public List<String> recentSearchTexts(int limit) {
        Set<String> texts = new LinkedHashSet<>();
        for (UsageEvent e : find(new EventQuery(EventType.SEARCH, null, null, null, null, null, null, limit * 4, null))) {
            if (e.query() != null && !e.query().isBlank()) texts.add(e.query().strip());
            if (texts.size() == limit) break;
        }
        return List.copyOf(texts);
    }

    /** Events matching {@code q}, newest first. */
    List<UsageEvent> find(EventQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM usage_events WHERE 1=1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "event_type", q.type() == null ? null : q.type().wire());
        where(sql, args, "entry_id", q.entryId());
        where(sql, args, "helpdesk", q.helpdesk());
        where(sql, args, "ticket_id", q.ticketId());
        where(sql, args, "source", q.source());
        if (q.shops() != null) {
            sql.append(" AND shop IN (").append(String.join(",", java.util.Collections.nCopies(q.shops().size(), "?")))
                    .append(")");
            args.addAll(q.shops());
        }
        if (q.since() != null) { sql.append(" AND created_at >= ?"); args.add(q.since().toEpochMilli()); }
        if (q.until() != null) { sql.append(" AND created_at < ?"); args.add(q.until().toEpochMilli()); }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(q.limit());
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                List<UsageEvent> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        } catch (SQLException ex) {
            throw new DataAccessException(ex);
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value == null) return;
        sql.append(" AND ").append(column).append(" = ?");
        args.add(value);
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, v);
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v);
    }

    private static UsageEvent read(ResultSet rs) throws SQLException {
        return new UsageEvent(rs.getString("id"), EventType.fromWire(rs.getString("event_type")),
                rs.getString("entry_id"), nullableLong(rs, "entry_version"), rs.getString("tone"), rs.getString("channel"),
                rs.getString("emotion"), rs.getString("helpdesk"), rs.getString("ticket_id"), rs.getString("query"),
                rs.getString("source"), nullableInt(rs, "hits"), nullableBoolean(rs, "confident"),
                nullableStrings(rs, "actions"), rs.getString("agent"), rs.getString("product"),
                term(TicketOutcome.class, rs.getString("outcome")), nullableInt(rs, "score"), compensation(rs),
                term(ApprovalStep.class, rs.getString("approval")), rs.getString("user_name"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("shop"));
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    /** The ticked actions as the JSON array stored in {@code usage_events.actions}. */
    private static String strings(List<String> items) {
        try {
            return Json.MAPPER.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> nullableStrings(ResultSet rs, String column) throws SQLException {
        String json = rs.getString(column);
        if (json == null) return null;
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("Corrupt actions of a usage event", new SQLException(e));
        }
    }

    private static Compensation compensation(ResultSet rs) throws SQLException {
        String offer = rs.getString("compensation_offer");
        Long minor = nullableLong(rs, "compensation_minor");
        if (offer == null || minor == null) return null;
        return new Compensation(CompensationOffer.parse("compensation.offer", offer), Compensation.amountOf(minor),
                rs.getString("approval_id"));
    }

    private static <E extends Enum<E> & Term> E term(Class<E> type, String stored) {
        return Term.parse(type, "stored", stored, null);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
