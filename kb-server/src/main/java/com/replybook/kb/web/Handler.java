package com.replybook.kb.web;

import java.io.IOException;

/**
 * Answers one route. {@code C} is what the handler is given: an {@link ApiCall} for the API, a console page
 * for the console.
 */
@FunctionalInterface
public interface Handler<C> {

    void handle(C call) throws IOException;
}
