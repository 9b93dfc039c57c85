package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Staleness;

import java.time.Instant;
import java.util.List;

/**
 * One after-sales situation: problem → cause → reply script → follow-up actions.
 *
 * <p>Immutable. {@code script} is a FreeMarker fragment (the body of the reply, without salutation or
 * sign-off, which the tone and channel layouts add) using variables such as {@code ${customer.name}}.
 * Example key: {@code logistics-delay-stuck}; example category: {@code 物流/延误}.
 *
 * @param id          application-generated id, stable for the entry's life
 * @param key         unique slug used for upserts, links and imports ({@code [a-z0-9][a-z0-9._-]{0,127}})
 * @param locale      BCP 47 tag of the entry's text, e.g. {@code zh-CN}, {@code zh-TW}, {@code en}
 * @param category    problem-type path with {@code /} separators, e.g. {@code 物流/延误}
 * @param questions   similar customer phrasings; the strongest search signal
 * @param smsScript   optional short version of {@code script} for the SMS channel (one message where possible);
 *                    empty when the entry has none, and SMS replies then use {@code script}
 * @param reviewScript optional public version of {@code script} for replies to reviews: what was done, without
 *                    order numbers or other personal details; empty when none, and review replies then use
 *                    {@code script} with its personal values left out
 * @param diagnostics 5W1H questions to ask when the complaint is vague
 * @param actions     ordered follow-up steps for the agent
 * @param acceptedFallbacks variables whose stand-in word the editor accepts when a ticket lacks the value, e.g.
 *                    {@code ["product.name"]} ({@link AcceptedFallbacks}); the agent is asked for any other
 * @param version     increases by one on every save; updates must name the version they were based on
 */
public record Entry(
        String id,
        String key,
        String locale,
        String category,
        List<String> tags,
        String problem,
        List<String> questions,
        String cause,
        String script,
        String smsScript,
        String reviewScript,
        List<String> diagnostics,
        List<String> actions,
        List<String> acceptedFallbacks,
        EntryStatus status,
        String owner,
        int verifyEveryDays,
        Instant verifiedAt,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** Default interval after which an entry needs re-verification (Guru's model). */
    public static final int DEFAULT_VERIFY_EVERY_DAYS = 90;

    public Entry {
        smsScript = smsScript == null ? "" : smsScript;
        reviewScript = reviewScript == null ? "" : reviewScript;
        tags = List.copyOf(tags == null ? List.of() : tags);
        questions = List.copyOf(questions == null ? List.of() : questions);
        diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
        actions = List.copyOf(actions == null ? List.of() : actions);
        acceptedFallbacks = List.copyOf(acceptedFallbacks == null ? List.of() : acceptedFallbacks);
    }

    /** An entry that accepts no stand-in word for a missing value. */
    public Entry(String id, String key, String locale, String category, List<String> tags, String problem,
                 List<String> questions, String cause, String script, String smsScript, String reviewScript,
                 List<String> diagnostics, List<String> actions, EntryStatus status, String owner, int verifyEveryDays,
                 Instant verifiedAt, long version, Instant createdAt, String createdBy, Instant updatedAt,
                 String updatedBy) {
        this(id, key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript, diagnostics,
                actions, List.of(), status, owner, verifyEveryDays, verifiedAt, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }

    /** The script and its channel versions, to pick the one a reply is rendered from. */
    public ScriptVersions scripts() {
        return new ScriptVersions(script, smsScript, reviewScript);
    }

    /** True when the entry has not been verified within its interval at {@code now}. */
    public boolean isStale(Instant now) {
        return Staleness.isStale(verifiedAt, createdAt, verifyEveryDays, now);
    }
}
