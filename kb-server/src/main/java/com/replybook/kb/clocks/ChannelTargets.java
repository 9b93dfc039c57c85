package com.replybook.kb.clocks;

import com.replybook.kb.vocabulary.FastStage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One channel's targets, in minutes. Immutable.
 *
 * @param firstResponseMinutes how long a customer's message may wait for an answer, e.g. 1 for chat
 * @param stageMinutes         each FAST stage's deadline after the customer's first message, later stages later,
 *                             e.g. {@code {fact=30, action=60, senior=120, trace=1440}}
 */
public record ChannelTargets(int firstResponseMinutes, Map<FastStage, Integer> stageMinutes) {

    public ChannelTargets {
        EnumMap<FastStage, Integer> copy = new EnumMap<>(FastStage.class);
        copy.putAll(stageMinutes);
        stageMinutes = Collections.unmodifiableMap(copy);
    }

    /** The guides' stages with {@code firstResponseMinutes} for the first answer. */
    static ChannelTargets withDefaultStages(int firstResponseMinutes) {
        Map<FastStage, Integer> stages = new EnumMap<>(FastStage.class);
        for (FastStage s : FastStage.values()) stages.put(s, s.defaultMinutes());
        return new ChannelTargets(firstResponseMinutes, stages);
    }
}
