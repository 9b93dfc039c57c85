package com.replybook.kb.search;

import com.replybook.kb.entries.Entry;

/** Supplies the stored dense vectors of an entry for indexing (hybrid retrieval), or null when there are none. */
interface EntryVectors {

    /** No vectors: lexical search only. */
    EntryVectors NONE = entry -> null;

    /** The entry's vectors, reusing stored ones when the entry's text is unchanged; may be null. */
    EntryEmbedding vectorOf(Entry entry);
}
