package com.replybook.kb.tone;

import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.db.SharedValue;
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
 * the customer carries wins. Held in memory on every node as a {@link SharedValue} of kind {@value #KIND}: a
 * suggestion reads no database, and a change made on any node is applied on all within their poll interval.
 * Thread-safe; {@link #replace} swaps the whole list in one transaction.
 */
public final class ToneRules {

    /** The kind of shared setting the mapping is. */
    static final String KIND = "tone.mapping";

    private final Database db;
    private final Clock clock;
    private final SettingsChanges settings;
    private final SharedValue<List<ToneRule>> rules;

    public ToneRules(Database db, Clock clock, SettingsChanges settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.rules = settings.value(KIND, this::load);
    }

    /** The rules in order, as in force on this node. */
    List<ToneRule> all() {
        return rules.get();
    }

    private List<ToneRule> load() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tag, tone FROM tone_rules ORDER BY position")) {
            List<ToneRule> out = new ArrayList<>();
            while (rs.next()) out.add(new ToneRule(rs.getString(1), rs.getString(2)));
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Replaces every rule with {@code rules} (already validated), recording who changed them. */
    void replace(List<ToneRule> rules, String user) {
        long now = clock.millis();
        settings.write(KIND, c -> {
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
