package com.replybook.kb.entries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The review loop's rows, read and written inside the caller's transaction: an entry's pending revision
 * ({@code entry_pending}) and the note of a lead who sent its work back ({@code entry_send_backs}). Stateless.
 */
final class ReviewRecords {

    private ReviewRecords() {
    }

    static Optional<PendingRevision> pending(Connection c, String entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot, based_on, status, proposed_by, proposed_at, "
                + "submitted_at FROM entry_pending WHERE entry_id = ?")) {
            ps.setString(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long submitted = rs.getLong(6);
                Instant submittedAt = rs.wasNull() ? null : Instant.ofEpochMilli(submitted);
                return Optional.of(new PendingRevision(EntryStore.fromJson(rs.getString(1), Entry.class), rs.getLong(2),
                        EntryStatus.fromWire(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                        submittedAt));
            }
        }
    }

    /** Inserts or replaces the pending revision of its entry. */
    static void savePending(Connection c, PendingRevision p) throws SQLException {
        deletePending(c, p.entryId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry_pending (entry_id, based_on, snapshot, status, "
                + "proposed_by, proposed_at, updated_by, updated_at, submitted_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, p.entryId());
            ps.setLong(2, p.basedOn());
            ps.setString(3, EntryStore.toJson(p.entry()));
            ps.setString(4, p.status().wire());
            ps.setString(5, p.proposedBy());
            ps.setLong(6, p.proposedAt().toEpochMilli());
            ps.setString(7, p.entry().updatedBy());
            ps.setLong(8, p.entry().updatedAt().toEpochMilli());
            if (p.submittedAt() == null) ps.setNull(9, Types.BIGINT);
            else ps.setLong(9, p.submittedAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void deletePending(Connection c, String entryId) throws SQLException {
        delete(c, "entry_pending", entryId);
    }

    static Optional<SentBack> sentBack(Connection c, String entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT author, comment, sent_by, sent_at FROM entry_send_backs WHERE entry_id = ?")) {
            ps.setString(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new SentBack(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
    }

    static void saveSentBack(Connection c, String entryId, SentBack s) throws SQLException {
        deleteSentBack(c, entryId);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO entry_send_backs (entry_id, author, comment, sent_by, sent_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, entryId);
            ps.setString(2, s.author());
            ps.setString(3, s.comment());
            ps.setString(4, s.by());
            ps.setLong(5, s.at().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void deleteSentBack(Connection c, String entryId) throws SQLException {
        delete(c, "entry_send_backs", entryId);
    }

    /** Who last put the entry's work into review ({@code submit}), or null when nobody did through the workflow. */
    static String lastSubmitter(Connection c, String entryId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT changed_by FROM entry_revisions WHERE entry_id = ? "
                + "AND operation = 'submit' ORDER BY version DESC")) {
            ps.setString(1, entryId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void delete(Connection c, String table, String entryId) throws SQLException {
        // table is one of this class's constants, never user input
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE entry_id = ?")) {
            ps.setString(1, entryId);
            ps.executeUpdate();
        }
    }
}
