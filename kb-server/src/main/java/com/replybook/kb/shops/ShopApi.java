package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/shops}: {@code POST} (admin) creates a shop from {@code {"key","name","locales",…}}; {@code GET}
 * (any role) lists the shops the caller works for; {@code GET /{key}} reads one; {@code PUT /{key}} (admin) changes
 * it, the fields it leaves out staying as they were, guarded by an optional {@code If-Match: "<version>"}.
 */
final class ShopApi {

    private final Shops shops;
    private final ShopParser parser;

    ShopApi(Shops shops, ShopParser parser) {
        this.shops = shops;
        this.parser = parser;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/shops", this::list)
                .post("/api/v1/shops", this::create)
                .get("/api/v1/shops/{key}", this::read)
                .put("/api/v1/shops/{key}", this::update);
    }

    private void list(ApiCall call) throws IOException {
        call.json(200, Map.of("shops", shops.of(Principal.of(call))));
    }

    private void read(ApiCall call) throws IOException {
        answer(call, 200, visible(call.path("key"), Principal.of(call)));
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.ADMIN);
        Shop created = shops.create(parser.parse(call.readObject()), me.username());
        call.setHeader("Location", "/api/v1/shops/" + created.key());
        answer(call, 201, created);
    }

    private void update(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.ADMIN);
        JsonNode body = call.readObject(); // a body that is not strict JSON is 400 whatever the shop
        Shop current = visible(call.path("key"), me);
        if (body.hasNonNull("key") && !current.key().equals(body.get("key").asText())) {
            throw ApiException.unprocessable("key", ShopError.KEY_FIXED, current.key());
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("key", current.key());
        if (!body.has("name")) ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("name", current.name());
        Set<String> sent = new HashSet<>();
        body.fieldNames().forEachRemaining(sent::add);
        ShopDraft draft = ShopDraft.over(current, parser.parse(body), sent);
        answer(call, 200, shops.update(current, draft, expectedVersion(call, current), me.username()));
    }

    /** The shop, if the caller works for it (404 otherwise, as for a shop that does not exist). */
    private Shop visible(String key, Principal me) {
        return shops.find(key).filter(s -> me.worksFor(s.key()))
                .orElseThrow(() -> ApiException.notFound(ShopError.NOT_FOUND, key));
    }

    private static long expectedVersion(ApiCall call, Shop current) {
        String header = call.header("If-Match");
        if (header == null || header.isBlank()) return current.version();
        try {
            return Long.parseLong(header.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", ShopError.IF_MATCH, header);
        }
    }

    private static void answer(ApiCall call, int status, Shop shop) throws IOException {
        call.setHeader("ETag", "\"" + shop.version() + "\"");
        call.json(status, shop);
    }
}
