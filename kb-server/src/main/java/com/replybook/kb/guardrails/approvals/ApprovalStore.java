package com.replybook.kb.guardrails.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The approvals (table {@code approvals}). A decision is one conditional update, so two leads cannot both decide. */
final class ApprovalStore {

    /**
     * Filters for a list; null fields do not filter. {@code shops}: only approvals of these shops (a lead limited to
     * shops never sees another's, nor those of no shop).
     */
    record Query(Approval.Status status, String requestedBy, String agent, String helpdesk, String ticketId, int limit,
                 List<String> shops) {

        /** This query within {@code shops} (null: every shop). */
        Query inShops(List<String> shops) {
            return new Query(status, requestedBy, agent, helpdesk, ticketId, limit, shops);
        }
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final Database db;

    ApprovalStore(Database db) {
        this.db = db;
    }

    void insert(Approval a) {
        String sql = "INSERT INTO approvals (id, status, ticket_id, helpdesk, locale, category, order_amount, customer_tags,"
                + " offer, amount, currency, policy_max, reason, entry_id, requested_by, agent, requested_at, shop)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            String[] texts = {a.id(), a.status().wire(), a.ticketId(), a.helpdesk(), a.locale(), a.category(),
                a.orderAmount(), Json.MAPPER.writeValueAsString(a.customerTags()), a.offer(), a.amount(), a.currency(),
                a.policyMax(), a.reason(), a.entryId(), a.requestedBy(), a.agent()};
            for (int i = 0; i < texts.length; i++) ps.setString(i + 1, texts[i]);
            ps.setLong(17, a.requestedAt().toEpochMilli());
            ps.setString(18, a.shop());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Approval> find(String id) {
        List<Approval> found = select("SELECT * FROM approvals WHERE id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /** Newest first. */
    List<Approval> find(Query q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM approvals WHERE 1=1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "status", q.status() == null ? null : q.status().wire());
        where(sql, args, "requested_by", q.requestedBy());
        where(sql, args, "agent", q.agent());
        where(sql, args, "helpdesk", q.helpdesk());
        where(sql, args, "ticket_id", q.ticketId());
        sql.append(inShops(q.shops(), args));
        sql.append(" ORDER BY requested_at DESC, id LIMIT ").append(q.limit());
        return select(sql.toString(), args);
    }

    /** How many approvals of {@code shops} (null: every shop) wait for a decision. */
    int pending(List<String> shops) {
        List<Object> args = new ArrayList<>(List.of(Approval.Status.PENDING.wire()));
        String sql = "SELECT COUNT(*) FROM approvals WHERE status = ?" + inShops(shops, args);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Decides a pending approval; false when it was not pending (decided already, or unknown). */
    boolean decide(String id, Approval.Status status, String lead, Instant at, String note) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?,"
                    + " note = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, status.wire());
                ps.setString(2, lead);
                ps.setLong(3, at.toEpochMilli());
                if (note == null) ps.setNull(4, Types.VARCHAR); else ps.setString(4, note);
                ps.setString(5, id);
                ps.setString(6, Approval.Status.PENDING.wire());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** {@code " AND shop IN (?, …)"} with the shops appended to {@code args}; empty for every shop (null). */
    private static String inShops(List<String> shops, List<Object> args) {
        if (shops == null) return "";
        args.addAll(shops);
        return shops.isEmpty() ? " AND 1 = 0" : " AND shop IN (" + String.join(", ", java.util.Collections.nCopies(shops.size(), "?")) + ")";
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value == null) return;
        sql.append(" AND ").append(column).append(" = ?");
        args.add(value);
    }

    private List<Approval> select(String sql, List<?> args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    List<Approval> out = new ArrayList<>();
                    while (rs.next()) out.add(read(rs));
                    return out;
                }
            }
        });
    }

    private static Approval read(ResultSet rs) throws SQLException {
        long decided = rs.getLong("decided_at");
        Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
        try {
            return new Approval(rs.getString("id"), Approval.Status.fromWire(rs.getString("status")), rs.getString("ticket_id"),
                    rs.getString("helpdesk"), rs.getString("locale"), rs.getString("category"), rs.getString("order_amount"),
                    Json.MAPPER.readValue(rs.getString("customer_tags"), STRINGS), rs.getString("offer"),
                    rs.getString("amount"), rs.getString("currency"), rs.getString("policy_max"), rs.getString("reason"),
                    rs.getString("entry_id"), rs.getString("requested_by"), rs.getString("agent"),
                    Instant.ofEpochMilli(rs.getLong("requested_at")), rs.getString("decided_by"), decidedAt, rs.getString("note"),
                    rs.getString("shop"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
