package com.replybook.kb.search.semantic;

import com.replybook.kb.entries.Entry;

/** Supplies the stored dense vectors of an entry for indexing (hybrid retrieval), or null when there are none. */
public interface EntryVectors {

    /** No vectors: lexical search only. */
    EntryVectors NONE = new EntryVectors() {
        @Override
        public EntryEmbedding vectorOf(Entry entry) {
            return null;
        }

        @Override
        public String models() {
            return "none";
        }
    };

    /** The entry's vectors, reusing stored ones when the entry's text is unchanged; may be null. */
    EntryEmbedding vectorOf(Entry entry);

    /**
     * The models the vectors come from, recorded in every index commit: an index built with other models, or
     * with vectors for a lexical-only server and vice versa, is rebuilt on open. {@link Embedders}' by default.
     */
    default String models() {
        return Embedders.MODELS;
    }
}
