package com.replybook.kb.console;

import java.io.IOException;

/** Answers one console route. */
@FunctionalInterface
interface Handler {
    void handle(Page page) throws IOException;
}
