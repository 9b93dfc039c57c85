package com.replybook.kb.clocks;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.FastStage;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The team's clock targets: every channel's {@link ChannelTargets}, and the share of a target after which the
 * widget shows a clock in amber (past the target it is red). Immutable; {@link #version} moves with every change.
 *
 * @param amberPercent e.g. 75: amber once three quarters of the time is used
 * @param updatedAt    null until a lead first changes the defaults
 */
public record ClockTargets(int amberPercent, Map<Channel, ChannelTargets> channels, long version, Instant updatedAt,
                           String updatedBy) {

    /**
     * First-response targets of the guides: chat within a minute, a public reply to a review (social media) within
     * 30 minutes, e-mail within 24 hours. They name none for SMS; 30 minutes treats a text like a public post.
     */
    static final Map<Channel, Integer> DEFAULT_FIRST_RESPONSE = Map.of(Channel.CHAT, 1, Channel.REVIEW, 30,
            Channel.EMAIL, 24 * 60, Channel.SMS, 30);
    static final int DEFAULT_AMBER_PERCENT = 75;

    public ClockTargets {
        EnumMap<Channel, ChannelTargets> all = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) all.put(c, ChannelTargets.withDefaultStages(DEFAULT_FIRST_RESPONSE.get(c)));
        all.putAll(channels);
        channels = Collections.unmodifiableMap(all);
    }

    /** The wire form: {@code {"amberPercent","channels":{"chat":{"firstResponseMinutes","stageMinutes":{…}}},…}}. */
    Map<String, Object> toJson() {
        Map<String, Object> byChannel = new LinkedHashMap<>();
        channels.forEach((channel, t) -> {
            Map<String, Object> stages = new LinkedHashMap<>();
            t.stageMinutes().forEach((stage, minutes) -> stages.put(stage.id(), minutes));
            byChannel.put(channel.id(), Map.of("firstResponseMinutes", t.firstResponseMinutes(), "stageMinutes", stages));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amberPercent", amberPercent);
        out.put("channels", byChannel);
        out.put("stages", FastStage.IDS);
        out.put("version", version);
        out.put("updatedAt", updatedAt);
        out.put("updatedBy", updatedBy);
        return out;
    }
}
