package com.replybook.kb.tone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.db.SharedValue;
import com.replybook.kb.shops.ShopError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tag → tone mapping kept in kb-server (table {@code tone_rules}), in order: the first rule whose tag
 * the customer carries wins; and each shop's own mapping, where a shop keeps one (table {@code shop_tone_mappings},
 * issue 20), which its replies use instead. Held in memory on every node as a {@link SharedValue} of kind
 * {@value #KIND}: a suggestion reads no database, and a change made on any node is applied on all within their poll
 * interval. Thread-safe; {@link #replace} swaps a whole list in one transaction.
 */
public final class ToneRules {

    /** The kind of shared setting the mapping is. */
    static final String KIND = "tone.mapping";
    private static final TypeReference<List<ToneRule>> RULES = new TypeReference<>() {
    };

    /** The mapping every shop uses unless it keeps its own, and the shops' own by shop key. */
    private record Mappings(List<ToneRule> shared, Map<String, List<ToneRule>> byShop) {
    }

    private final Database db;
    private final Clock clock;
    private final SettingsChanges settings;
    private final SharedValue<Mappings> rules;

    public ToneRules(Database db, Clock clock, SettingsChanges settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.rules = settings.value(KIND, this::load);
    }

    /** The shared rules in order, as in force on this node. */
    List<ToneRule> all() {
        return rules.get().shared();
    }

    /** The rules {@code shop} uses: its own when it keeps some, else the shared ones; null shop: the shared ones. */
    List<ToneRule> of(String shop) {
        return shop == null ? all() : rules.get().byShop().getOrDefault(shop, all());
    }

    /** True when {@code shop} keeps a mapping of its own. */
    boolean keepsOwn(String shop) {
        return shop != null && rules.get().byShop().containsKey(shop);
    }

    private Mappings load() {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            List<ToneRule> shared = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tag, tone FROM tone_rules ORDER BY position")) {
                while (rs.next()) shared.add(new ToneRule(rs.getString(1), rs.getString(2)));
            }
            Map<String, List<ToneRule>> byShop = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT shop_key, rules FROM shop_tone_mappings")) {
                while (rs.next()) byShop.put(rs.getString(1), List.copyOf(Json.MAPPER.readValue(rs.getString(2), RULES)));
            }
            return new Mappings(List.copyOf(shared), Map.copyOf(byShop));
        } catch (SQLException e) {
            throw new DataAccessException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shop_tone_mappings.rules is not a JSON array of {tag, tone}", e);
        }
    }

    /** Replaces every shared rule with {@code rules} (already validated), recording who changed them. */
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

    /** Makes {@code rules} (already validated) {@code shop}'s own mapping, recording who set it. */
    void replace(String shop, List<ToneRule> rules, String user) {
        long now = clock.millis();
        settings.write(KIND, c -> {
            remove(c, shop);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO shop_tone_mappings (shop_key, rules, updated_at, updated_by) VALUES (?,?,?,?)")) {
                ps.setString(1, shop);
                ps.setString(2, Json.MAPPER.writeValueAsString(rules));
                ps.setLong(3, now);
                ps.setString(4, user);
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /** Drops {@code shop}'s own mapping: it uses the shared one again. 404 when it kept none. */
    void remove(String shop) {
        if (settings.write(KIND, c -> remove(c, shop)) == 0) throw ApiException.notFound(ShopError.SETTING_NONE_OWN, shop);
    }

    private static int remove(Connection c, String shop) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM shop_tone_mappings WHERE shop_key = ?")) {
            ps.setString(1, shop);
            return ps.executeUpdate();
        }
    }
}
