package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One thing an agent did with the library from a help-desk, or what became of a ticket. Immutable.
 * Example: {@code insert} of entry {@code 3f2c…} version 4, tone {@code formal}, channel {@code email},
 * help-desk {@code rt}, ticket {@code 1024}, product {@code 降噪耳机 X2}, by agent {@code alice} through the token
 * of user {@code rt-bridge}.
 *
 * @param type         what happened
 * @param entryId      the entry viewed or inserted; null for searches and outcomes
 * @param query        the text an agent typed (for {@code search} from {@code typed}); never the ticket's own text
 * @param source       for {@code search}: {@code ticket} (suggested from the ticket on open) or {@code typed}
 * @param hits         how many results the search showed (for {@code search})
 * @param confident    for {@code search}: whether the search found a good match (its answer's {@code confident}); a
 *                     search without one is a gap in the library. Null when the widget did not say (older widgets)
 * @param actions      for {@code insert}: the entry's follow-up actions the agent ticked as done, e.g.
 *                     {@code ["已联系快递催件"]}; null when none were reported
 * @param agent        the help-desk's own name for the agent, as the integration reports it
 * @param product      the ticket's product or order line as the help-desk has it, e.g. {@code 降噪耳机 X2}
 * @param outcome      for {@code outcome}: how the ticket ended up
 * @param score        for {@code outcome}: the customer's rating on the help-desk's own scale (0–100), if any
 * @param compensation for {@code insert}: what the agent gave; for {@code approval}: what was asked for
 * @param approval     for {@code approval}: asked, granted or denied
 * @param user         the kb-server user whose token sent the event
 * @param shop         the key of the shop the ticket came in for, e.g. {@code tmall-flagship}; null when none was named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageEvent(String id, EventType type, String entryId, Long entryVersion, String tone, String channel,
        String emotion, String helpdesk, String ticketId, String query, String source, Integer hits, Boolean confident,
        List<String> actions, String agent, String product, TicketOutcome outcome, Integer score, Compensation compensation, ApprovalStep approval,
        String user, Instant at, String shop) {

    /** An event of no particular shop. */
    public UsageEvent(String id, EventType type, String entryId, Long entryVersion, String tone, String channel,
                      String emotion, String helpdesk, String ticketId, String query, String source, Integer hits,
                      Boolean confident, List<String> actions, String agent, String product, TicketOutcome outcome,
                      Integer score, Compensation compensation, ApprovalStep approval, String user, Instant at) {
        this(id, type, entryId, entryVersion, tone, channel, emotion, helpdesk, ticketId, query, source, hits, confident,
                actions, agent, product, outcome, score, compensation, approval, user, at, null);
    }

    /** This event as stored: with its id and time. */
    UsageEvent stored(String newId, Instant time) {
        return new UsageEvent(newId, type, entryId, entryVersion, tone, channel, emotion, helpdesk, ticketId, query, source,
                hits, confident, actions, agent, product, outcome, score, compensation, approval, user, time, shop);
    }

    /** This event in shop {@code key}. */
    public UsageEvent inShop(String key) {
        return new UsageEvent(id, type, entryId, entryVersion, tone, channel, emotion, helpdesk, ticketId, query, source,
                hits, confident, actions, agent, product, outcome, score, compensation, approval, user, at, key);
    }

    /** This event naming its entry by {@code id} (the client may have sent the key). */
    UsageEvent withEntryId(String id) {
        return new UsageEvent(this.id, type, id, entryVersion, tone, channel, emotion, helpdesk, ticketId, query, source,
                hits, confident, actions, agent, product, outcome, score, compensation, approval, user, at, shop);
    }
}
