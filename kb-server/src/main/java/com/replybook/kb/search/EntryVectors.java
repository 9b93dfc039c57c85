package com.replybook.kb.search;

import com.replybook.kb.entries.Entry;

/** Supplies the stored dense vector of an entry for indexing (hybrid retrieval), or null when there is none. */
interface EntryVectors {

    /** No vectors: lexical search only. */
    EntryVectors NONE = entry -> null;

    /** The entry's normalised vector, reusing a stored one when the entry's text is unchanged; may be null. */
    float[] vectorOf(Entry entry);
}
