package com.replybook.kb.bench;

/** Shared bits of the benchmark tools. */
final class Bench {

    private Bench() {
    }

    /** The bearer token for the server under test, from {@code REPLYBOOK_ADMIN_TOKEN}. */
    static String token() {
        String token = System.getenv("REPLYBOOK_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("Set REPLYBOOK_ADMIN_TOKEN to the server's admin token (24+ characters)");
        }
        return token;
    }
}
