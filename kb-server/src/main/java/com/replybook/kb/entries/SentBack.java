package com.replybook.kb.entries;

import java.time.Instant;

/**
 * A lead's "send back" note on an entry's working copy (a draft, or a pending revision): it went back to
 * {@code author} because of {@code comment}. Kept until the work is submitted again, published or discarded.
 *
 * @param author  to whom it went back: who last submitted it, e.g. {@code editor.li}
 * @param comment what should change, at most {@value #MAX_COMMENT} characters
 * @param by      the lead who sent it back
 */
public record SentBack(String author, String comment, String by, Instant at) {

    public static final int MAX_COMMENT = 2_000;
}
