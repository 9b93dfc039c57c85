package com.replybook.kb.entries;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.JsonErrors;
import com.replybook.kb.web.JsonText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/entries/import}: a JSON array or NDJSON of entries, upserted by key. Each entry is
 * all-or-nothing: invalid ones are reported by index with every error, valid ones are written in
 * transactions of {@value #BATCH} so that 10,000 entries take seconds, not minutes.
 */
final class EntryImporter {

    static final int BATCH = 500;
    private final EntryStore store;
    private final EntryDraftParser parser;
    private final EntryPolicy policy;
    private final long maxBytes;
    private final ImportMetrics metrics;

    EntryImporter(EntryStore store, EntryDraftParser parser, EntryPolicy policy, long maxBytes, ImportMetrics metrics) {
        this.store = store;
        this.parser = parser;
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    /** Item that failed, as reported: {@code {"index":i,"key":k,"errors":[…]}}. */
    record Failure(int index, String key, List<FieldError> errors) {
    }

    Map<String, Object> importBody(ApiCall call, Principal me) throws IOException {
        String type = call.request().getContentType() == null ? "" : call.request().getContentType().toLowerCase();
        byte[] body = call.body(maxBytes);
        List<JsonNode> items = type.contains("ndjson") || type.contains("jsonl") ? ndjson(body) : jsonArray(body);
        return importItems(items, me);
    }

    Map<String, Object> importItems(List<JsonNode> items, Principal me) {
        List<Failure> failed = new ArrayList<>();
        List<EntryDraft> valid = new ArrayList<>();
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            EntryDraftParser.Result r = parser.parse(item);
            String key = item != null && item.path("key").isTextual() ? item.get("key").asText() : null;
            List<FieldError> errors = new ArrayList<>(r.errors());
            if (r.ok()) {
                Integer earlier = firstIndexOfKey.putIfAbsent(r.draft().key(), i);
                if (earlier != null) errors.add(new FieldError("key", "key also appears at index " + earlier + " of this import"));
                else errors.addAll(policyErrors(me, r.draft()));
            }
            if (errors.isEmpty()) valid.add(r.draft());
            else failed.add(new Failure(i, key, errors));
        }
        int created = 0, updated = 0, unchanged = 0;
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<EntryDraft> batch = valid.subList(from, Math.min(valid.size(), from + BATCH));
            for (EntryStore.ImportOutcome o : store.upsertAll(batch, me.username())) {
                switch (o) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
        metrics.record(created, updated, unchanged, failed.size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("created", created);
        result.put("updated", updated);
        result.put("unchanged", unchanged);
        result.put("failed", failed);
        return result;
    }

    private List<FieldError> policyErrors(Principal me, EntryDraft d) {
        if (me.can(Role.LEAD)) return List.of(); // leads may set any status: no need to look the entry up
        EntryStatus current = store.find(d.key()).map(Entry::status).orElse(null);
        try {
            policy.checkStatusChange(me, current, d.status());
            return List.of();
        } catch (ApiException e) {
            return List.of(new FieldError("status", e.getMessage()));
        }
    }

    private static List<JsonNode> jsonArray(byte[] body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (JsonParser p = Json.MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.badRequest(null, "Expected a JSON array of entries (or send application/x-ndjson)");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) throw ApiException.badRequest(null, "The JSON array is not closed");
                out.add(checked(Json.MAPPER.readTree(p), out.size()));
            }
            if (p.nextToken() != null) {
                throw ApiException.badRequest(null, "Malformed JSON at line " + p.currentLocation().getLineNr()
                        + ", column " + p.currentLocation().getColumnNr() + ": there is more after the array of entries");
            }
        }
        return out;
    }

    private static List<JsonNode> ndjson(byte[] body) {
        List<JsonNode> out = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                out.add(checked(Json.DOCUMENT.readTree(lines[i]), out.size()));
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest(null, "Line " + (i + 1) + " is not valid JSON (" + JsonErrors.describe(e)
                        + "); nothing was imported");
            }
        }
        return out;
    }

    /** {@code item}, once its text is known to be text (no NUL, no lone surrogate); 400 naming e.g. {@code [3].problem}. */
    private static JsonNode checked(JsonNode item, int index) {
        JsonText.check(item, "[" + index + "]");
        return item;
    }
}
