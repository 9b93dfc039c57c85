package com.replybook.kb.entries;

import java.time.Instant;

/**
 * One saved state of an entry. {@code operation} is {@code create}, {@code update}, {@code restore} or
 * {@code delete}; {@code entry} is the full snapshot as of that save (for a deletion, the last state).
 */
public record Revision(String entryId, long version, String operation, Instant changedAt, String changedBy,
                       String comment, Entry entry) {
}
