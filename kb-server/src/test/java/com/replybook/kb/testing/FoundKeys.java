package com.replybook.kb.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/** The entry keys an answer holds (search hits, a list's items, type-ahead suggestions), and waiting for them. */
public final class FoundKeys {

    private FoundKeys() {
    }

    /** The keys of a search's {@code hits} or a list's {@code items}; the answer must be 200. */
    public static Set<String> keys(ApiClient.Response r) {
        return of(r, r.json().has("hits") ? "hits" : "items");
    }

    /** The keys of type-ahead {@code suggestions}; the answer must be 200. */
    public static Set<String> suggested(ApiClient.Response r) {
        return of(r, "suggestions");
    }

    /** Waits (at most 10 s) until {@code path} finds every key of {@code expected}: new entries are searchable soon. */
    public static void await(ApiClient client, String path, Set<String> expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!keys(client.get(path)).containsAll(expected)) {
            if (System.nanoTime() > deadline) throw new AssertionError(path + " never found " + expected);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Set<String> of(ApiClient.Response r, String field) {
        if (r.status() != 200) throw new AssertionError("expected 200, was " + r.status() + ": " + r.text());
        Set<String> out = new TreeSet<>();
        JsonNode list = r.json().path(field);
        list.forEach(h -> out.add(h.path("key").asText()));
        return out;
    }
}
