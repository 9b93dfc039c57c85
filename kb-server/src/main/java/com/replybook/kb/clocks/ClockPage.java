package com.replybook.kb.clocks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.FormErrors;
import com.replybook.kb.console.Page;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.FastStage;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/clocks}: the team's clock targets in a table, one row per channel (leads edit, others read). The
 * form goes through the same {@link ClockTargetsParser} as the API; inputs are named {@code <channel>.first} and
 * {@code <channel>.<stage>}.
 */
final class ClockPage {

    private final ClockStore store;

    ClockPage(ClockStore store) {
        this.store = store;
    }

    void routes(Router<Page> console) {
        console.get("/clocks", this::show).post("/clocks", this::save);
    }

    private void show(Page p) throws IOException {
        p.require(Role.EDITOR);
        render(p, 200, valuesOf(store.current()), Map.of());
    }

    private void save(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Map<String, String> values = valuesOf(p);
        ClockTargetsParser.Result r = ClockTargetsParser.parse(json(values), store.current().amberPercent());
        if (!r.errors().isEmpty()) {
            render(p, 422, values, FormErrors.byField(r.errors(), p.messages()));
            return;
        }
        try {
            store.replace(r.change().channels(), r.change().amberPercent(), p.longParam("version").orElse(null), me.username());
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect("clocks", "clocks.conflict");
            return;
        }
        p.redirect("clocks", "clocks.saved");
    }

    private void render(Page p, int status, Map<String, String> values, Map<String, List<String>> errors) throws IOException {
        ClockTargets t = store.current();
        Map<String, Object> m = new HashMap<>();
        m.put("channels", Channel.IDS);
        m.put("stages", FastStage.IDS);
        m.put("form", values);
        m.put("errors", errors);
        m.put("version", t.version());
        m.put("updatedAt", t.updatedAt() == null ? "" : t.updatedAt().toString());
        m.put("updatedBy", t.updatedBy() == null ? "" : t.updatedBy());
        p.render(status, "clocks/targets.ftlh", m);
    }

    private static Map<String, String> valuesOf(ClockTargets t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("amberPercent", String.valueOf(t.amberPercent()));
        t.channels().forEach((channel, ct) -> {
            v.put(channel.id() + ".first", String.valueOf(ct.firstResponseMinutes()));
            ct.stageMinutes().forEach((stage, minutes) -> v.put(channel.id() + "." + stage.id(), String.valueOf(minutes)));
        });
        return v;
    }

    private static Map<String, String> valuesOf(Page p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("amberPercent", p.raw("amberPercent").strip());
        for (String c : Channel.IDS) {
            v.put(c + ".first", p.raw(c + ".first").strip());
            for (String s : FastStage.IDS) v.put(c + "." + s, p.raw(c + "." + s).strip());
        }
        return v;
    }

    /** The form as the API's body: numbers where typed as numbers, the text otherwise (so the parser names it). */
    private static ObjectNode json(Map<String, String> v) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        put(body, "amberPercent", v.get("amberPercent"));
        ObjectNode channels = body.putObject("channels");
        for (String c : Channel.IDS) {
            ObjectNode ch = channels.putObject(c);
            put(ch, "firstResponseMinutes", v.get(c + ".first"));
            ObjectNode stages = ch.putObject("stageMinutes");
            for (String s : FastStage.IDS) put(stages, s, v.get(c + "." + s));
        }
        return body;
    }

    private static void put(ObjectNode o, String field, String typed) {
        if (typed == null || typed.isEmpty()) return;
        if (typed.matches("\\d{1,9}")) o.put(field, Integer.parseInt(typed));
        else o.put(field, typed);
    }
}
