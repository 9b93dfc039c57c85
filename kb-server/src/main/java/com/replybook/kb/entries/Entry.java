package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Staleness;
import com.replybook.kb.vocabulary.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param createdBy   who created the entry; the owner of a personal entry
 * @param shops       the keys of the shops the entry belongs to, e.g. {@code ["tmall-flagship"]}; empty for every
 *                    shop. A search in one shop finds that shop's entries and those of every shop, never another's.
 * @param visibility  {@code team} (the library) or {@code personal} (its creator's own snippet: found only in their
 *                    searches, changed only by them, never reviewed)
 * @param toneScripts per tone id, a version of {@code script} that replaces it in that tone, e.g.
 *                    {@code {"formal":"尊敬的客户，…","lively":"亲～…"}}; empty when the entry has none
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
        String updatedBy,
        List<String> shops,
        Visibility visibility,
        Map<String, String> toneScripts) {

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
        shops = List.copyOf(shops == null ? List.of() : shops);
        visibility = visibility == null ? Visibility.TEAM : visibility;
        toneScripts = java.util.Collections.unmodifiableMap(new TreeMap<>(toneScripts == null ? Map.of() : toneScripts));
    }

    /**
     * A team entry of every shop without tone versions that accepts no stand-in word for a missing value (tools, tests
     * and the sample library).
     */
    public Entry(String id, String key, String locale, String category, List<String> tags, String problem,
                 List<String> questions, String cause, String script, String smsScript, String reviewScript,
                 List<String> diagnostics, List<String> actions, EntryStatus status, String owner, int verifyEveryDays,
                 Instant verifiedAt, long version, Instant createdAt, String createdBy, Instant updatedAt,
                 String updatedBy) {
        this(id, key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript, diagnostics,
                actions, List.of(), status, owner, verifyEveryDays, verifiedAt, version, createdAt, createdBy, updatedAt,
                updatedBy, List.of(), Visibility.TEAM, Map.of());
    }

    /** The script and its channel and tone versions, to pick the one a reply is rendered from. */
    public ScriptVersions scripts() {
        return new ScriptVersions(script, smsScript, reviewScript, toneScripts);
    }

    /** True for a personal snippet (see {@link #visibility}). */
    public boolean personal() {
        return visibility == Visibility.PERSONAL;
    }

    /** This entry at {@code newVersion}, changed at {@code at} by {@code actor}, its content unchanged. */
    Entry atVersion(long newVersion, Instant at, String actor) {
        return as(status, newVersion, at, actor);
    }

    /** This entry in {@code newStatus} at {@code newVersion}, changed at {@code at} by {@code actor}. */
    Entry as(EntryStatus newStatus, long newVersion, Instant at, String actor) {
        return new Entry(id, key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, newStatus, owner, verifyEveryDays, verifiedAt, newVersion,
                createdAt, createdBy, at, actor, shops, visibility, toneScripts);
    }

    /** True when the entry has not been verified within its interval at {@code now}. */
    public boolean isStale(Instant now) {
        return Staleness.isStale(verifiedAt, createdAt, verifyEveryDays, now);
    }
}
