package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Tone;

import java.util.List;
import java.util.Map;

/**
 * An entry's script and its optional versions: a short one for SMS and a public one for replies to reviews (the
 * channels that need other words), and one per tone that replaces the script in that tone (e.g. a formal version for
 * business buyers). A reply is rendered from its channel's version when there is one, else from its tone's, else from
 * the script: {@code new ScriptVersions("订单 ${order.id} 已加急…", "已加急", "", Map.of("lively", "亲～已加急"))
 * .forReply("chat", "lively").text() == "亲～已加急"}.
 */
public record ScriptVersions(String script, String sms, String review, Map<String, String> tones) {

    /**
     * The warning a reply to a review carries when the entry has no review version: it is then the script with its
     * personal details cut out, which rarely reads as a reply fit to publish.
     */
    public static final String NO_REVIEW_VERSION = "no-review-version:";

    /** The field of the entry that holds the tone versions; one tone's is {@code toneScripts.<tone>}. */
    public static final String TONE_FIELD = "toneScripts";

    public ScriptVersions {
        tones = tones == null ? Map.of() : Map.copyOf(tones);
    }

    /** Versions without tone versions. */
    public ScriptVersions(String script, String sms, String review) {
        this(script, sms, review, Map.of());
    }

    /** The text a reply is rendered from, and the entry field it is ({@code script}, {@code smsScript}…). */
    public record Chosen(String field, String text) {
    }

    /** The version for {@code channel} ({@code chat}, {@code email}, {@code sms}, {@code review}) in the standard tone. */
    public Chosen forChannel(String channel) {
        return forReply(channel, Tone.STANDARD.id());
    }

    /**
     * The version for a reply on {@code channel} in {@code tone}: the channel's own version (SMS, review) first, as
     * those channels' limits matter more than the voice, then the tone's ({@code toneScripts.<tone>}), then the
     * script.
     */
    public Chosen forReply(String channel, String tone) {
        if (Channel.SMS.id().equals(channel) && sms != null && !sms.isBlank()) return new Chosen("smsScript", sms);
        if (Channel.REVIEW.id().equals(channel) && review != null && !review.isBlank()) return new Chosen("reviewScript", review);
        String toned = tone == null ? null : tones.get(tone);
        if (toned != null && !toned.isBlank()) return new Chosen(TONE_FIELD + "." + tone, toned);
        return new Chosen("script", script);
    }

    /** Warnings about the choice for {@code channel}: {@link #NO_REVIEW_VERSION}, or none. */
    public List<String> notes(String channel) {
        return Channel.REVIEW.id().equals(channel) && !forChannel(channel).field().equals("reviewScript")
                ? List.of(NO_REVIEW_VERSION) : List.of();
    }
}
