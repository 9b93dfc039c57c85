package com.replybook.kb.followups;

import com.replybook.kb.db.Database;
import com.replybook.kb.db.ShopClause;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follow-ups in the database (table {@code followups}). Thread-safe. */
final class FollowUpStore {

    private static final String COLUMNS = "id, helpdesk, ticket_id, due_at, note, entry_id, status, user_name, agent, "
            + "created_at, done_at, done_by, shop";

    /**
     * What to list; null fields do not filter. {@code user} narrows to one kb-server user (everyone below lead),
     * {@code agent} to the help-desk's name for one agent, {@code dueBefore} to those due before that time,
     * {@code shops} to the follow-ups of these shops and of no shop (a user limited to shops never sees another's).
     */
    record Query(FollowUp.Status status, Instant dueBefore, String user, String agent, String helpdesk, String ticketId,
                 int limit, List<String> shops) {

        /** This query narrowed to the follow-ups of kb-server user {@code other}. */
        Query ofUser(String other) {
            return new Query(status, dueBefore, other, agent, helpdesk, ticketId, limit, shops);
        }
    }

    private final Database db;

    FollowUpStore(Database db) {
        this.db = db;
    }

    void insert(FollowUp f) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO followups (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, f.id());
                ps.setString(2, f.helpdesk());
                ps.setString(3, f.ticketId());
                ps.setLong(4, f.dueAt().toEpochMilli());
                ps.setString(5, f.note());
                ps.setString(6, f.entryId());
                ps.setString(7, f.status().wire());
                ps.setString(8, f.user());
                ps.setString(9, f.agent());
                ps.setLong(10, f.createdAt().toEpochMilli());
                ps.setNull(11, Types.BIGINT);
                ps.setNull(12, Types.VARCHAR);
                ps.setString(13, f.shop());
                return ps.executeUpdate();
            }
        });
    }

    Optional<FollowUp> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM followups WHERE id = ?")) {
                ps.setString(1, id);
                List<FollowUp> found = read(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            }
        });
    }

    /** Matching follow-ups, the earliest due first. */
    List<FollowUp> find(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM followups WHERE 1=1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "status", q.status() == null ? null : q.status().wire());
        where(sql, args, "user_name", q.user());
        where(sql, args, "agent", q.agent());
        where(sql, args, "helpdesk", q.helpdesk());
        where(sql, args, "ticket_id", q.ticketId());
        if (q.dueBefore() != null) {
            sql.append(" AND due_at < ?");
            args.add(q.dueBefore().toEpochMilli());
        }
        sql.append(ShopClause.ofShopsOrNone(q.shops(), args));
        sql.append(" ORDER BY due_at, id LIMIT ").append(q.limit());
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                return read(ps);
            }
        });
    }

    /**
     * The agents who have open follow-ups due before {@code before} (of {@code shops} and of no shop; null: of every
     * shop), by name, for the leads' filter.
     */
    List<String> agentsWithOpenBefore(Instant before, List<String> shops) {
        List<Object> args = new ArrayList<>(List.of(FollowUp.Status.OPEN.wire(), before.toEpochMilli()));
        String sql = "SELECT DISTINCT agent FROM followups WHERE status = ? AND due_at < ?" + ShopClause.ofShopsOrNone(shops, args)
                + " ORDER BY agent";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /** Marks {@code id} done if it is still open; false when it was done already (or is gone). */
    boolean markDone(String id, Instant at, String by) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE followups SET status = ?, done_at = ?, done_by = ? "
                    + "WHERE id = ? AND status = ?")) {
                ps.setString(1, FollowUp.Status.DONE.wire());
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, by);
                ps.setString(4, id);
                ps.setString(5, FollowUp.Status.OPEN.wire());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value == null) return;
        sql.append(" AND ").append(column).append(" = ?");
        args.add(value);
    }

    private static List<FollowUp> read(PreparedStatement ps) throws SQLException {
        List<FollowUp> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long done = rs.getLong(11);
                Instant doneAt = rs.wasNull() ? null : Instant.ofEpochMilli(done);
                out.add(new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5), rs.getString(6), FollowUp.Status.fromWire(rs.getString(7)), rs.getString(8),
                        rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)), doneAt, rs.getString(12),
                        rs.getString(13)));
            }
        }
        return out;
    }
}
