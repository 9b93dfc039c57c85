package com.replybook.kb.cases;

import com.replybook.kb.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who studied which collection (table {@code collection_studies}): one mark per person and collection. Thread-safe. */
final class StudyStore {

    private final Database db;

    StudyStore(Database db) {
        this.db = db;
    }

    /** Marks the collection studied by (user, agent) at {@code at}; a second mark keeps the first time. */
    Instant mark(String collectionId, String user, String agent, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO collection_studies (collection_id, user_name, "
                    + "agent, studied_at) VALUES (?,?,?,?) ON CONFLICT (collection_id, user_name, agent) DO NOTHING")) {
                ps.setString(1, collectionId);
                ps.setString(2, user);
                ps.setString(3, agent);
                ps.setLong(4, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
        return find(collectionId, user, agent).stream().findFirst().map(Study::studiedAt).orElse(at);
    }

    void unmark(String collectionId, String user, String agent) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM collection_studies WHERE collection_id = ? "
                    + "AND user_name = ? AND agent = ?")) {
                ps.setString(1, collectionId);
                ps.setString(2, user);
                ps.setString(3, agent);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Marks, newest first, narrowed by whichever of {@code collectionId}, {@code user} and {@code agent} is not null;
     * each with its collection's name.
     */
    List<Study> find(String collectionId, String user, String agent) {
        StringBuilder sql = new StringBuilder("SELECT s.collection_id, c.name, s.user_name, s.agent, s.studied_at "
                + "FROM collection_studies s JOIN case_collections c ON c.id = s.collection_id WHERE 1=1");
        List<String> args = new ArrayList<>();
        if (collectionId != null) { sql.append(" AND s.collection_id = ?"); args.add(collectionId); }
        if (user != null) { sql.append(" AND s.user_name = ?"); args.add(user); }
        if (agent != null) { sql.append(" AND s.agent = ?"); args.add(agent); }
        sql.append(" ORDER BY s.studied_at DESC, s.agent LIMIT 5000");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
                return read(ps);
            }
        });
    }

    private static List<Study> read(PreparedStatement ps) throws SQLException {
        List<Study> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Study(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return out;
    }
}
