package com.replybook.kb.clocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.FastStage;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a change of the clock targets, {@code {"amberPercent":75,"channels":{"chat":{"firstResponseMinutes":1,
 * "stageMinutes":{"fact":30,"action":60,"senior":120,"trace":1440}}}}}, naming every bad field at once (e.g.
 * {@code channels.chat.stageMinutes.action}). Each listed channel gives all five numbers; the fields a GET answers
 * beyond these ({@code stages}, {@code version}, {@code updatedAt}, {@code updatedBy}) are ignored, so a client may
 * send back what it read.
 */
final class ClockTargetsParser {

    /** Thirty days: no after-sales promise waits longer, and a typo of extra zeros is caught. */
    static final int MAX_MINUTES = 30 * 24 * 60;
    static final int MIN_AMBER = 1;
    static final int MAX_AMBER = 99;
    private static final Set<String> KNOWN = Set.of("amberPercent", "channels", "stages", "version", "updatedAt", "updatedBy");

    /** What the body changes: the channels it lists, and the amber share (the current one when absent). */
    record Change(Map<Channel, ChannelTargets> channels, int amberPercent) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    /** The change, or the problems found (then {@code change} is null). */
    record Result(Change change, List<FieldError> errors) {
    }

    static Result parse(JsonNode body, int currentAmber) {
        ClockTargetsParser p = new ClockTargetsParser();
        Change change = p.read(body, currentAmber);
        return p.errors.isEmpty() ? new Result(change, List.of()) : new Result(null, List.copyOf(p.errors));
    }

    private Change read(JsonNode body, int currentAmber) {
        body.fieldNames().forEachRemaining(n -> {
            if (!KNOWN.contains(n)) errors.add(FieldError.of(n, ClockError.UNKNOWN_FIELD, n));
        });
        int amber = body.hasNonNull("amberPercent")
                ? number(body.get("amberPercent"), "amberPercent", MIN_AMBER, MAX_AMBER) : currentAmber;
        Map<Channel, ChannelTargets> channels = new EnumMap<>(Channel.class);
        JsonNode all = body.get("channels");
        if (all == null || all.isNull()) return new Change(channels, amber);
        if (!all.isObject()) {
            errors.add(FieldError.of("channels", ClockError.CHANNELS_NOT_OBJECT, Channel.IDS));
            return new Change(channels, amber);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = "channels." + e.getKey();
            if (!Channel.IDS.contains(e.getKey())) {
                errors.add(FieldError.of(field, ClockError.UNKNOWN_CHANNEL, e.getKey(), Channel.IDS));
                continue;
            }
            ChannelTargets t = channel(e.getValue(), field);
            if (t != null) channels.put(Term.parse(Channel.class, "channel", e.getKey(), null), t);
        }
        return new Change(channels, amber);
    }

    private ChannelTargets channel(JsonNode n, String field) {
        if (!n.isObject()) {
            errors.add(FieldError.of(field, ClockError.CHANNEL_NOT_OBJECT, field));
            return null;
        }
        int before = errors.size();
        int first = number(n.get("firstResponseMinutes"), field + ".firstResponseMinutes", 1, MAX_MINUTES);
        JsonNode stages = n.get("stageMinutes");
        Map<FastStage, Integer> minutes = new EnumMap<>(FastStage.class);
        if (stages == null || !stages.isObject()) {
            errors.add(FieldError.of(field + ".stageMinutes", ClockError.STAGES_NOT_OBJECT, field + ".stageMinutes",
                    String.join(", ", FastStage.IDS)));
            return null;
        }
        int previous = 0;
        for (FastStage s : FastStage.values()) {
            String at = field + ".stageMinutes." + s.id();
            int m = number(stages.get(s.id()), at, 1, MAX_MINUTES);
            if (m > 0 && m <= previous) {
                errors.add(FieldError.of(at, ClockError.STAGE_ORDER, at, previous));
            }
            if (m > 0) previous = m;
            minutes.put(s, m);
        }
        stages.fieldNames().forEachRemaining(s -> {
            if (!FastStage.IDS.contains(s)) {
                errors.add(FieldError.of(field + ".stageMinutes." + s, ClockError.UNKNOWN_STAGE, s, FastStage.IDS));
            }
        });
        return errors.size() == before ? new ChannelTargets(first, minutes) : null;
    }

    private int number(JsonNode n, String field, int min, int max) {
        if (n == null || n.isNull()) {
            errors.add(FieldError.of(field, ClockError.MINUTES_REQUIRED, field));
            return 0;
        }
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            errors.add(FieldError.of(field, ClockError.OUT_OF_RANGE, field, min, max));
            return 0;
        }
        return n.asInt();
    }
}
