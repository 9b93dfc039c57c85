package com.replybook.kb.entries;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A POST action under {@code /api/v1/entries/{id-or-key}/<name>} contributed by another feature
 * (e.g. {@code render}), so this package need not depend on it.
 */
@FunctionalInterface
public interface EntrySubresource {

    void post(Entry entry, HttpServletRequest req, HttpServletResponse resp) throws IOException;
}
