package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.cases.Case;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CaseDraft;
import com.replybook.kb.cases.CaseParser;
import com.replybook.kb.cases.CaseStore;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.cases.CollectionScope;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.JsonErrors;
import com.replybook.kb.web.JsonText;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cases and collections as one JSON document, {@code {"cases":[…],"collections":[…]}}. Import keeps ids and
 * times (so a round trip is lossless and re-importing replaces rather than duplicates), re-cleans and
 * re-masks every case (an imported file is as untrusted as a captured ticket), and writes nothing when any
 * item is invalid; with {@code dryRun} it only reports. A case keeps its {@code shop} (issue 20): an export holds the
 * cases the reader may read (their shops' and those of every shop) and collections without the items of other shops;
 * an import refuses a shop that does not exist or that the importer does not work for, and a case of such a shop.
 */
public final class CaseExchange {

    /** What an import did or would do; {@code errors} name items as {@code cases[3]} or {@code collections[0]}. */
    public record Report(int cases, int collections, List<FieldError> errors, boolean written) {
    }

    private final CaseStore store;
    private final CaseParser parser;
    private final KnownShops shops;
    private final CollectionScope scope;

    public CaseExchange(CaseStore store, CaseParser parser, KnownShops shops, CollectionScope scope) {
        this.store = store;
        this.parser = parser;
        this.shops = shops;
        this.scope = scope;
    }

    /** The cases and collections {@code reader} may read, as one document. */
    public void export(OutputStream out, Principal reader) throws IOException {
        List<Map<String, Object>> collections = new ArrayList<>();
        for (CaseCollection all : store.collections()) {
            CaseCollection c = scope.visibleTo(reader, all);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("items", c.items().stream().map(i -> Map.of("type", i.type(), "ref", i.ref())).toList());
            m.put("createdAt", c.createdAt());
            m.put("createdBy", c.createdBy());
            m.put("updatedAt", c.updatedAt());
            m.put("updatedBy", c.updatedBy());
            m.put("published", c.published()); // an import reads it: a round trip keeps what agents may study
            collections.add(m);
        }
        Json.MAPPER.writeValue(out, Map.of("cases", store.all(KnownShops.scope(reader, null)),
                "collections", collections));
    }

    /** Imports {@code bytes} as {@code importer}, who names the cases' shops (theirs) and is recorded as the author. */
    public Report importJson(byte[] bytes, boolean dryRun, Principal importer) throws IOException {
        String actor = importer.username();
        JsonNode root;
        try {
            root = Json.DOCUMENT.readTree(bytes);
            JsonText.check(root);
        } catch (JsonProcessingException e) {
            return new Report(0, 0, List.of(JsonErrors.problem(e).withMessage("The file is not valid JSON: " + JsonErrors.describe(e))), false);
        } catch (ApiException e) {
            return new Report(0, 0, List.of(e.toFieldError(e.field())), false);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        List<CaseCollection> collections = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Report(0, 0, List.of(FieldError.of(null, ExchangeError.CASES_SHAPE)), false);
        }
        JsonNode cs = root.path("cases");
        for (int i = 0; i < cs.size(); i++) readCase(cs.get(i), i, importer, cases, errors);
        JsonNode cols = root.path("collections");
        for (int i = 0; i < cols.size(); i++) readCollection(cols.get(i), i, actor, collections, errors);
        boolean write = errors.isEmpty() && !dryRun;
        if (write) {
            cases.forEach(store::put);
            collections.forEach(store::putCollection);
        }
        return new Report(cases.size(), collections.size(), errors, write);
    }

    private void readCase(JsonNode n, int i, Principal importer, List<Case> out, List<FieldError> errors) {
        String actor = importer.username();
        CaseParser.Result r = parser.parse(n);
        if (!r.ok()) {
            r.errors().forEach(e -> errors.add(e.onField("cases[" + i + "]." + e.field())));
            return;
        }
        CaseDraft d = r.draft();
        String at = "cases[" + i + "].";
        try {
            shops.requested(importer, d.shop(), at + "shop");
        } catch (ApiException e) {
            errors.add(e.toFieldError(at + "shop"));
            return;
        }
        Instant now = Instant.now();
        Case c = new Case(text(n, "id", UUID.randomUUID().toString()), d.title(), d.excerptHtml(), d.agentDid(),
                d.whyItWorked(), d.outcome(), d.tags(), d.entryKeys(), d.rating(), d.source(),
                instant(n, "createdAt", now), text(n, "createdBy", actor), instant(n, "updatedAt", now),
                text(n, "updatedBy", actor), d.helpdesk(), d.ticketId(), d.agent(), d.shop());
        if (store.find(c.id()).filter(existing -> !existing.readableBy(importer)).isPresent()) {
            errors.add(FieldError.of(at + "id", ExchangeError.CASE_OF_OTHER_SHOP, c.id()));
            return;
        }
        out.add(c);
    }

    private static void readCollection(JsonNode n, int i, String actor, List<CaseCollection> out, List<FieldError> errors) {
        String name = n.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(FieldError.of("collections[" + i + "].name", ExchangeError.COLLECTION_NAME));
            return;
        }
        List<CollectionItem> items = new ArrayList<>();
        for (JsonNode item : n.path("items")) {
            String type = item.path("type").asText("");
            String ref = item.path("ref").asText("");
            if (!(type.equals("case") || type.equals("entry")) || ref.isEmpty() || ref.length() > 128) {
                errors.add(FieldError.of("collections[" + i + "].items", ExchangeError.COLLECTION_ITEM));
                return;
            }
            items.add(new CollectionItem(type, ref, null));
        }
        Instant now = Instant.now();
        out.add(new CaseCollection(text(n, "id", UUID.randomUUID().toString()), name,
                n.path("description").asText(""), items, instant(n, "createdAt", now), text(n, "createdBy", actor),
                instant(n, "updatedAt", now), text(n, "updatedBy", actor), n.path("published").asBoolean(false)));
    }

    private static String text(JsonNode n, String field, String dflt) {
        String v = n.path(field).asText("");
        return v.isBlank() || v.length() > 100 ? dflt : v;
    }

    private static Instant instant(JsonNode n, String field, Instant dflt) {
        try {
            return n.hasNonNull(field) ? Json.MAPPER.treeToValue(n.get(field), Instant.class) : dflt;
        } catch (IOException | IllegalArgumentException e) {
            return dflt;
        }
    }
}
