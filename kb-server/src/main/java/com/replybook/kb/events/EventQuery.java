package com.replybook.kb.events;

import java.time.Instant;
import java.util.List;

/**
 * Filters for reading events back; null fields do not filter. {@code shops}: only events of these shops (a reader
 * limited to shops never sees another's, nor those of no shop). Newest first, at most {@code limit}.
 */
record EventQuery(EventType type, String entryId, String helpdesk, String ticketId, String source, Instant since, Instant until,
        int limit, List<String> shops) {
}
