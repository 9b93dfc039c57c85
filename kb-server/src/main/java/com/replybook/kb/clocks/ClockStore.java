package com.replybook.kb.clocks;

import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.db.SharedValue;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.FastStage;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.web.ApiException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clock targets in the database (tables {@code clock_targets} and {@code clock_policy}), held in memory on
 * every node as a {@link SharedValue} of kind {@value #KIND}: reading them touches no database, and a lead's
 * change on any node is in force on all within their poll interval. Thread-safe.
 */
final class ClockStore {

    static final String KIND = "clocks.targets";

    private final Database db;
    private final Clock clock;
    private final SettingsChanges settings;
    private final SharedValue<ClockTargets> targets;

    ClockStore(Database db, Clock clock, SettingsChanges settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.targets = settings.value(KIND, this::load);
    }

    /** The targets in force on this node. */
    ClockTargets current() {
        return targets.get();
    }

    /**
     * Replaces the targets of the channels in {@code changed} (others keep theirs) and the amber share, if it was
     * edited from version {@code basedOn} (null: whatever is current); 409 with the current version otherwise.
     */
    ClockTargets replace(Map<Channel, ChannelTargets> changed, int amberPercent, Long basedOn, String user) {
        settings.write(KIND, c -> {
            long version = bumpVersion(c, basedOn, amberPercent, user);
            for (Map.Entry<Channel, ChannelTargets> e : changed.entrySet()) upsert(c, e.getKey(), e.getValue());
            return version;
        });
        return current();
    }

    private long bumpVersion(Connection c, Long basedOn, int amberPercent, String user) throws SQLException {
        long current = load(c).version();
        if (basedOn != null && basedOn != current) {
            throw ApiException.conflict(ClockError.CHANGED, Map.of("currentVersion", current), current);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE clock_policy SET amber_percent = ?, version = ?, "
                + "updated_at = ?, updated_by = ? WHERE id = 1")) {
            ps.setInt(1, amberPercent);
            ps.setLong(2, current + 1);
            ps.setLong(3, clock.millis());
            ps.setString(4, user);
            ps.executeUpdate();
        }
        return current + 1;
    }

    private static void upsert(Connection c, Channel channel, ChannelTargets t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clock_targets (channel, first_response_minutes, "
                + "fact_minutes, action_minutes, senior_minutes, trace_minutes) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT (channel) DO UPDATE SET first_response_minutes = excluded.first_response_minutes, "
                + "fact_minutes = excluded.fact_minutes, action_minutes = excluded.action_minutes, "
                + "senior_minutes = excluded.senior_minutes, trace_minutes = excluded.trace_minutes")) {
            ps.setString(1, channel.id());
            ps.setInt(2, t.firstResponseMinutes());
            int i = 3;
            for (FastStage s : FastStage.values()) ps.setInt(i++, t.stageMinutes().get(s));
            ps.executeUpdate();
        }
    }

    private ClockTargets load() {
        return db.read(ClockStore::load);
    }

    private static ClockTargets load(Connection c) throws SQLException {
        Map<Channel, ChannelTargets> channels = new EnumMap<>(Channel.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT channel, first_response_minutes, fact_minutes, "
                + "action_minutes, senior_minutes, trace_minutes FROM clock_targets");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Channel channel = known(rs.getString(1));
                if (channel == null) continue; // a channel the vocabulary no longer has
                Map<FastStage, Integer> stages = new EnumMap<>(FastStage.class);
                int i = 3;
                for (FastStage s : FastStage.values()) stages.put(s, rs.getInt(i++));
                channels.put(channel, new ChannelTargets(rs.getInt(2), stages));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT amber_percent, version, updated_at, updated_by "
                + "FROM clock_policy WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return new ClockTargets(ClockTargets.DEFAULT_AMBER_PERCENT, channels, 0, null, null);
            long at = rs.getLong(3);
            Instant updatedAt = rs.wasNull() ? null : Instant.ofEpochMilli(at);
            return new ClockTargets(rs.getInt(1), channels, rs.getLong(2), updatedAt, rs.getString(4));
        }
    }

    private static Channel known(String id) {
        return Channel.IDS.contains(id) ? Term.parse(Channel.class, "channel", id, null) : null;
    }
}
