package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.ErrorTexts;
import com.replybook.kb.console.FormErrors;
import com.replybook.kb.console.Page;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's shop pages (issue 20): {@code /console/shops} lists the shops the user works for, with links to each
 * shop's entries, stale queue and insights; an admin creates shops there and changes one's name, locales and voice
 * (signature, greeting and closing per tone, its own channel layouts) on {@code /console/shops/{key}}, which also
 * leads to the shop's own wording rules, compensation policy and synonyms. The forms go through the same
 * {@link ShopParser} as the API, so a refused field is shown next to its input with the admin's text kept.
 */
final class ShopPages {

    private final Shops shops;
    private final ShopParser parser;

    ShopPages(Shops shops, ShopParser parser) {
        this.shops = shops;
        this.parser = parser;
    }

    void routes(Router<Page> r) {
        r.get("/shops", p -> list(p, 200, blankForm(), Map.of()))
                .post("/shops", this::create)
                .get("/shops/{key}", p -> {
                    Shop shop = visible(p);
                    edit(p, 200, shop, formOf(shop), Map.of());
                })
                .post("/shops/{key}", this::update);
    }

    private void list(Page p, int status, Map<String, Object> form, Map<String, List<String>> errors) throws IOException {
        Principal me = p.require(Role.AGENT);
        Map<String, Object> m = model(p, form, errors);
        m.put("shops", shops.of(me));
        p.render(status, "shops/list.ftlh", m);
    }

    private void edit(Page p, int status, Shop shop, Map<String, Object> form, Map<String, List<String>> errors)
            throws IOException {
        Map<String, Object> m = model(p, form, errors);
        m.put("shop", shop);
        m.put("layoutPaths", layoutPaths(shop.locales()));
        p.render(status, "shops/edit.ftlh", m);
    }

    private void create(Page p) throws IOException {
        Principal me = p.require(Role.ADMIN);
        Map<String, Object> form = formOf(p);
        try {
            Shop created = shops.create(parser.parse(json(form)), me.username());
            p.redirect("shops/" + created.key(), "flash.shopCreated", created.name());
        } catch (ApiException e) {
            list(p, e.status(), form, errors(p, e));
        }
    }

    private void update(Page p) throws IOException {
        Principal me = p.require(Role.ADMIN);
        Shop current = visible(p);
        Map<String, Object> form = formOf(p);
        form.put("key", current.key());
        try {
            long version = p.longParam("version").orElse(current.version());
            ShopDraft draft = parser.parse(json(form));
            // The layouts of languages not shown on the form stay as they were; an emptied one is removed.
            Map<String, String> layouts = new TreeMap<>(current.layouts());
            layouts.keySet().removeAll(((Map<?, ?>) form.get("layouts")).keySet());
            layouts.putAll(draft.layouts());
            shops.update(current, new ShopDraft(current.key(), draft.name(), draft.locales(), draft.signature(),
                    draft.greetings(), draft.closings(), layouts), version, me.username());
            p.redirect("shops/" + current.key(), "flash.shopChanged", draft.name());
        } catch (ApiException e) {
            edit(p, e.status(), current, form, errors(p, e));
        }
    }

    /** The shop on the path, if the user works for it; "not found" otherwise, as in the API. */
    private Shop visible(Page p) {
        Principal me = p.require(Role.AGENT);
        String key = p.path("key");
        return shops.find(key).filter(s -> me.worksFor(s.key()))
                .orElseThrow(() -> ApiException.notFound(ShopError.NOT_FOUND, key));
    }

    private static Map<String, Object> model(Page p, Map<String, Object> form, Map<String, List<String>> errors) {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form);
        m.put("errors", errors);
        m.put("tones", Tone.IDS);
        m.put("locales", SupportedLocale.TAGS);
        return m;
    }

    /** Field errors of a refused form: each field's messages, or the message under {@code _}. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> errors(Page p, ApiException e) {
        if (e.status() != 422 && e.status() != 409) throw e;
        Object listed = e.details().get("errors");
        if (listed instanceof List<?> list) return FormErrors.byField((List<FieldError>) list, p.messages());
        return Map.of(e.field() == null ? "_" : e.field(), List.of(ErrorTexts.of(p.messages(), e)));
    }

    private static Map<String, Object> blankForm() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", "");
        f.put("name", "");
        f.put("locales", List.of());
        f.put("signature", "");
        f.put("greetings", Map.of());
        f.put("closings", Map.of());
        f.put("layouts", Map.of());
        return f;
    }

    private static Map<String, Object> formOf(Shop s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", s.key());
        f.put("name", s.name());
        f.put("locales", s.locales());
        f.put("signature", s.signature());
        f.put("greetings", s.greetings());
        f.put("closings", s.closings());
        f.put("layouts", s.layouts());
        return f;
    }

    /** The form as the admin typed it, kept verbatim to show again after an error. */
    private static Map<String, Object> formOf(Page p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", nz(p.raw("key")).strip());
        f.put("name", nz(p.raw("name")).strip());
        f.put("locales", p.params("locales"));
        f.put("signature", nz(p.raw("signature")).strip());
        Map<String, String> greetings = new LinkedHashMap<>();
        Map<String, String> closings = new LinkedHashMap<>();
        for (String tone : Tone.IDS) {
            greetings.put(tone, nz(p.raw("greetings." + tone)).strip());
            closings.put(tone, nz(p.raw("closings." + tone)).strip());
        }
        f.put("greetings", greetings);
        f.put("closings", closings);
        Map<String, String> layouts = new TreeMap<>(); // only the layouts the form showed
        for (String path : ShopParser.LAYOUT_PATHS) {
            if (p.request().getParameter("layouts." + path) != null) layouts.put(path, p.raw("layouts." + path).strip());
        }
        f.put("layouts", layouts);
        return f;
    }

    /** The channel layouts a shop writing in {@code locales} (none: any) may have, in order. */
    private static List<String> layoutPaths(List<String> locales) {
        return ShopParser.LAYOUT_PATHS.stream()
                .filter(path -> locales.isEmpty() || locales.stream().anyMatch(l -> path.contains("." + l + ".")))
                .sorted().toList();
    }

    private static ObjectNode json(Map<String, Object> form) {
        return Json.MAPPER.valueToTree(form);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
