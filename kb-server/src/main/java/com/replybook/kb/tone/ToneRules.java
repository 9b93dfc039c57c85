package com.replybook.kb.tone;

import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The tag → tone mapping kept in kb-server (table {@code tone_rules}), in order: the first rule whose tag
 * the customer carries wins. Thread-safe; {@link #replace} swaps the whole list in one transaction.
 */
public final class ToneRules {

    private final Database db;
    private final Clock clock;

    public ToneRules(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The rules in order. */
    List<ToneRule> all() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tag, tone FROM tone_rules ORDER BY position")) {
            List<ToneRule> out = new ArrayList<>();
            while (rs.next()) out.add(new ToneRule(rs.getString(1), rs.getString(2)));
            return out;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Replaces every rule with {@code rules} (already validated), recording who changed them. */
    void replace(List<ToneRule> rules, String user) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM tone_rules");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tone_rules (position, tag, tone, updated_at, updated_by) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < rules.size(); i++) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, rules.get(i).tag());
                    ps.setString(3, rules.get(i).tone());
                    ps.setLong(4, now);
                    ps.setString(5, user);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
