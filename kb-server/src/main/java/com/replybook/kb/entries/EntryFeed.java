package com.replybook.kb.entries;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a derived store (the search index) needs from the record: every entry, for a rebuild, and the
 * change log, to catch up after a restart or crash. Implemented by {@code EntryStore}.
 */
public interface EntryFeed {

    /** Streams every stored entry (any status) to {@code sink}; used for a full index rebuild. */
    void forEachEntry(Consumer<Entry> sink);

    /** Changes with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    List<EntryChange> changesSince(long afterSeq, int limit);

    /**
     * The entry as stored now, by id; empty once it is deleted. Background work that may wait long (embedding a
     * large backlog) keeps ids and looks entries up when their turn comes, rather than holding them.
     */
    Optional<Entry> find(String id);

    /** Registers a listener called after each write commits, on the writing thread. */
    void addListener(Consumer<EntryChange> listener);
}
