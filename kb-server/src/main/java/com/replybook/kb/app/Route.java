package com.replybook.kb.app;

import jakarta.servlet.http.HttpServlet;

import java.util.List;

/**
 * A servlet and where it is mounted, with the API operations it serves, e.g. {@code "GET /api/v1/entries/{ref}"}.
 * The operations are what the OpenAPI guard test compares with {@code openapi.json}.
 */
public record Route(String name, List<String> mappings, HttpServlet servlet, List<String> operations) {

    public Route {
        mappings = List.copyOf(mappings);
        operations = List.copyOf(operations);
    }
}
