package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Channel;

import java.util.List;

/**
 * An entry's script and its optional versions for the channels that need other words: a short one for SMS and a
 * public one for replies to reviews. A reply is rendered from its channel's version when there is one, e.g.
 * {@code new ScriptVersions("订单 ${order.id} 已加急…", "已加急", "").forChannel("sms").text() == "已加急"}.
 */
public record ScriptVersions(String script, String sms, String review) {

    /**
     * The warning a reply to a review carries when the entry has no review version: it is then the script with its
     * personal details cut out, which rarely reads as a reply fit to publish.
     */
    public static final String NO_REVIEW_VERSION = "no-review-version:";

    /** The text a reply is rendered from, and the entry field it is ({@code script}, {@code smsScript}…). */
    public record Chosen(String field, String text) {
    }

    /** The version for {@code channel} ({@code chat}, {@code email}, {@code sms}, {@code review}). */
    public Chosen forChannel(String channel) {
        if (Channel.SMS.id().equals(channel) && sms != null && !sms.isBlank()) return new Chosen("smsScript", sms);
        if (Channel.REVIEW.id().equals(channel) && review != null && !review.isBlank()) return new Chosen("reviewScript", review);
        return new Chosen("script", script);
    }

    /** Warnings about the choice for {@code channel}: {@link #NO_REVIEW_VERSION}, or none. */
    public List<String> notes(String channel) {
        return Channel.REVIEW.id().equals(channel) && forChannel(channel).field().equals("script")
                ? List.of(NO_REVIEW_VERSION) : List.of();
    }
}
