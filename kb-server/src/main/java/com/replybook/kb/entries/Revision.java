package com.replybook.kb.entries;

import java.time.Instant;

/**
 * One saved state of an entry. {@code operation} is {@code create}, {@code update}, {@code submit},
 * {@code publish}, {@code send_back}, {@code archive}, {@code verify}, {@code import}, {@code restore},
 * {@code delete}, or for a pending revision {@code propose} or {@code discard}; {@code entry} is the full snapshot
 * as of that save (for a deletion, the last state). {@code proposal} is true when the snapshot is a pending
 * revision's text (a proposed change to a published entry) rather than the entry as agents read it: the live text
 * at a version is the newest revision at or before it that is not a proposal.
 */
public record Revision(String entryId, long version, String operation, Instant changedAt, String changedBy,
                       String comment, Entry entry, boolean proposal) {
}
