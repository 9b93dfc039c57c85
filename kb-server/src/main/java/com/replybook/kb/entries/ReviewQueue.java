package com.replybook.kb.entries;

import com.replybook.kb.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What waits in the review loop: the leads' inbox (draft entries and pending changes in review, oldest first) and
 * each editor's work sent back to them with the lead's comment. Read-only. Thread-safe.
 */
public final class ReviewQueue {

    /** At most this many items per list: an inbox longer than that is a problem no list solves. */
    static final int MAX_ITEMS = 500;

    /**
     * One piece of work in the loop.
     *
     * @param change   true for a proposed change to a published entry, false for an entry that is not live yet
     * @param author   who submitted it (the inbox) or to whom it went back
     * @param since    when it went into review (the inbox), or when it was sent back
     * @param sentBack the lead's note, for work sent back; null in the inbox
     */
    public record Item(String entryId, String key, String locale, String problem, boolean change, String author,
                       Instant since, SentBack sentBack) {
    }

    private static final String SUBMITTER = "(SELECT r.changed_by FROM entry_revisions r WHERE r.entry_id = e.id "
            + "AND r.operation = 'submit' ORDER BY r.version DESC LIMIT 1)";
    private static final String ENTRIES_IN_REVIEW = "SELECT e.id, e.entry_key, e.locale, e.problem, "
            + "COALESCE((SELECT MAX(r.changed_at) FROM entry_revisions r WHERE r.entry_id = e.id AND r.operation = 'submit'), "
            + "e.updated_at), COALESCE(" + SUBMITTER + ", e.updated_by) FROM entries e WHERE e.status = 'in_review'";
    private static final String CHANGES_IN_REVIEW = "SELECT e.id, e.entry_key, e.locale, e.problem, "
            + "COALESCE(p.submitted_at, p.updated_at), COALESCE(" + SUBMITTER + ", p.proposed_by) FROM entry_pending p "
            + "JOIN entries e ON e.id = p.entry_id WHERE p.status = 'in_review'";

    private final Database db;

    public ReviewQueue(Database db) {
        this.db = db;
    }

    /** Draft entries and pending changes in review, the longest waiting first. */
    public List<Item> inReview() {
        return inReview(EntryScope.TEAM_LIBRARY);
    }

    /** Draft entries and pending changes in review within {@code scope} (a reader's shops), the longest waiting first. */
    public List<Item> inReview(EntryScope scope) {
        return db.read(c -> {
            List<Item> out = new ArrayList<>(items(c, ENTRIES_IN_REVIEW, scope, false));
            out.addAll(items(c, CHANGES_IN_REVIEW, scope, true));
            out.sort(Comparator.comparing(Item::since).thenComparing(Item::key));
            return out;
        });
    }

    /** Work a lead sent back to {@code username}, the oldest first, each with the lead's note. */
    public List<Item> sentBackTo(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.entry_key, e.locale, e.problem, s.sent_at, "
                    + "s.author, s.comment, s.sent_by, p.entry_id FROM entry_send_backs s JOIN entries e ON e.id = s.entry_id "
                    + "LEFT JOIN entry_pending p ON p.entry_id = s.entry_id WHERE s.author = ? ORDER BY s.sent_at, e.entry_key")) {
                ps.setString(1, username);
                ps.setMaxRows(MAX_ITEMS);
                List<Item> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = Instant.ofEpochMilli(rs.getLong(5));
                        out.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(9) != null, rs.getString(6), at,
                                new SentBack(rs.getString(6), rs.getString(7), rs.getString(8), at)));
                    }
                }
                return out;
            }
        });
    }

    /** How many pieces of work wait for a lead. */
    public long countInReview() {
        return countInReview(EntryScope.TEAM_LIBRARY);
    }

    /** How many pieces of work within {@code scope} wait for a lead. */
    public long countInReview(EntryScope scope) {
        return db.read(c -> count(c, "SELECT COUNT(*) FROM entries e WHERE e.status = 'in_review'", scope)
                + count(c, "SELECT COUNT(*) FROM entry_pending p JOIN entries e ON e.id = p.entry_id "
                + "WHERE p.status = 'in_review'", scope));
    }

    /** How many pieces of work were sent back to {@code username}. */
    public long countSentBackTo(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entry_send_backs s "
                    + "JOIN entries e ON e.id = s.entry_id WHERE s.author = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The status of every pending change ({@code draft} or {@code in_review}) by entry id, to flag them in lists. */
    public Map<String, EntryStatus> pendingStatuses() {
        return db.read(c -> {
            Map<String, EntryStatus> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_id, status FROM entry_pending");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), EntryStatus.fromWire(rs.getString(2)));
            }
            return out;
        });
    }

    private static List<Item> items(Connection c, String sql, EntryScope scope, boolean change) throws SQLException {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql + " AND " + scope.sql("e", args))) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            ps.setMaxRows(MAX_ITEMS);
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), change,
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(5)), null));
                }
            }
            return out;
        }
    }

    private static long count(Connection c, String sql, EntryScope scope) throws SQLException {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql + " AND " + scope.sql("e", args))) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
