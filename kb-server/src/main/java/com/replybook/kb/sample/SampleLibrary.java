package com.replybook.kb.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The sample library shipped in {@code sample/entries.<locale>.json}, loaded into an empty database on
 * first start so a new team sees a working knowledge base at once. Invalid sample content fails the start:
 * it is ours, and a test must catch it.
 */
public final class SampleLibrary {

    private static final Logger LOG = Logger.getLogger(SampleLibrary.class.getName());
    static final List<String> FILES = List.of("entries.zh-CN.json", "entries.zh-TW.json", "entries.en.json");
    static final String ACTOR = "sample-library";

    private SampleLibrary() {
    }

    /** Loads the sample entries when {@code store} is empty; returns how many were loaded. */
    public static int loadIfEmpty(EntryStore store, EntryDraftParser parser) {
        if (store.count() > 0) return 0;
        List<EntryDraft> drafts = drafts(parser);
        store.upsertAll(drafts, ACTOR);
        LOG.info("Loaded " + drafts.size() + " sample entries");
        return drafts.size();
    }

    /** All sample entries, validated; throws naming the file, index and field of the first problem. */
    public static List<EntryDraft> drafts(EntryDraftParser parser) {
        List<EntryDraft> out = new ArrayList<>();
        for (String file : FILES) {
            JsonNode array = read("/sample/" + file);
            if (array == null) continue;
            for (int i = 0; i < array.size(); i++) {
                EntryDraftParser.Result r = parser.parse(array.get(i));
                if (!r.ok()) throw new IllegalStateException("Sample " + file + "[" + i + "] is invalid: " + r.errors());
                out.add(r.draft());
            }
        }
        return out;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SampleLibrary.class.getResourceAsStream(resource)) {
            return in == null ? null : Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
