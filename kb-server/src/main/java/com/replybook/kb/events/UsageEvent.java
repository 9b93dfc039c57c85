package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One thing an agent did with the library from a help-desk. Immutable.
 * Example: {@code insert} of entry {@code 3f2c…} version 4, tone {@code formal}, channel {@code email},
 * help-desk {@code rt}, ticket {@code 1024}, by agent {@code alice} through the token of user {@code rt-bridge}.
 *
 * @param type     what happened
 * @param entryId  the entry viewed or inserted; null for searches
 * @param query    the search text (for {@code search}); null otherwise
 * @param source   for {@code search}: {@code ticket} (suggested from the ticket on open) or {@code typed}
 * @param hits     how many results the search showed (for {@code search})
 * @param agent    the help-desk's own name for the agent, as the integration reports it
 * @param user     the kb-server user whose token sent the event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageEvent(String id, EventType type, String entryId, Long entryVersion, String tone, String channel,
        String emotion, String helpdesk, String ticketId, String query, String source, Integer hits, String agent, String user,
        Instant at) {
}
