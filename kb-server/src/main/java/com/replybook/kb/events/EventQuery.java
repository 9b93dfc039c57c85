package com.replybook.kb.events;

import java.time.Instant;

/** Filters for reading events back; null fields do not filter. Newest first, at most {@code limit}. */
record EventQuery(EventType type, String entryId, String helpdesk, String ticketId, String source, Instant since, Instant until,
        int limit) {
}
