package com.replybook.kb.entries;

import com.replybook.kb.web.ApiCall;

import java.io.IOException;

/**
 * A POST action on one entry, {@code /api/v1/entries/{ref}/<name>}, contributed by another feature (rendering)
 * so this package need not depend on it. The entries feature finds the entry and checks that the caller may
 * read it; the action does the rest.
 */
@FunctionalInterface
public interface EntryAction {

    void handle(Entry entry, ApiCall call) throws IOException;
}
