package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.search.analysis.SynonymError;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synonyms kept in the knowledge base, per locale and per shop that keeps its own for a locale:
 * <ul>
 *   <li>{@code GET /api/v1/synonyms/{locale}[?shop=]} → {@code {"locale","rules":["快递, 物流, 包裹", …],"updatedAt",
 *       "updatedBy","shop","inherited"}}: a shop without its own gets its locale's, {@code inherited} true;</li>
 *   <li>{@code PUT} the same shape (editor or above; an editor of some shops only their shops' own) replaces the list
 *       and takes effect at once;</li>
 *   <li>{@code DELETE …?shop=} (editor or above): the shop's searches use the locale's synonyms again.</li>
 * </ul>
 */
final class SynonymApi {

    static final int MAX_SYNONYM_RULES = 5_000;

    private final SynonymService synonyms;
    private final KnownShops shops;

    SynonymApi(SynonymService synonyms, KnownShops shops) {
        this.synonyms = synonyms;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/synonyms/{locale}", this::read)
                .put("/api/v1/synonyms/{locale}", this::replace)
                .delete("/api/v1/synonyms/{locale}", this::remove);
    }

    private void read(ApiCall call) throws IOException {
        call.json(200, answer(set(call, Principal.of(call))));
    }

    private void replace(ApiCall call) throws IOException {
        Principal caller = Principal.of(call).require(Role.EDITOR);
        JsonNode rules = call.readObject().get("rules");
        ShopSetting set = set(call, caller).writableBy(caller);
        if (rules == null || !rules.isArray()) throw ApiException.badRequest("rules", SynonymError.NOT_ARRAY);
        if (rules.size() > MAX_SYNONYM_RULES) {
            throw ApiException.badRequest("rules", SynonymError.TOO_MANY, MAX_SYNONYM_RULES);
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode r : rules) {
            if (!r.isTextual() || r.asText().contains("\n")) throw ApiException.badRequest("rules", SynonymError.ONE_LINE);
            lines.add(r.asText());
        }
        try {
            synonyms.replace(set.key(), String.join("\n", lines), caller.username());
        } catch (SynonymError.Rule e) {
            throw ApiException.badRequest("rules", e.error(), e.args());
        }
        call.json(200, answer(set));
    }

    private void remove(ApiCall call) throws IOException {
        ShopSetting set = set(call, Principal.of(call).require(Role.EDITOR)).requireShop();
        synonyms.remove(set.key());
        call.json(200, answer(set));
    }

    private ShopSetting set(ApiCall call, Principal caller) {
        String locale = call.path("locale");
        if (!SearchParams.LOCALE.matcher(locale).matches()) throw ApiException.badRequest("locale", SynonymError.LOCALE);
        return ShopSetting.requested(locale, call.query("shop"), caller, shops);
    }

    /** What {@code set} applies now: its own rules, or (a shop without its own) its locale's, marked inherited. */
    private Map<String, Object> answer(ShopSetting set) {
        Optional<SynonymStore.Stored> own = synonyms.get(set.key());
        SynonymStore.Stored s = own.or(() -> set.forShop() ? synonyms.get(set.base()) : Optional.empty())
                .orElse(new SynonymStore.Stored(set.base(), "", null, null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", set.base());
        out.put("rules", s.rules().isEmpty() ? List.of() : List.of(s.rules().split("\n")));
        out.put("updatedAt", s.updatedAt());
        out.put("updatedBy", s.updatedBy());
        out.putAll(set.fields(own.isEmpty()));
        return out;
    }
}
