package com.replybook.kb.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.AcceptedFallbacks;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.entries.ScriptVersions;
import com.replybook.kb.render.RendererBusyException;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.JsonText;
import com.replybook.kb.web.RequestBodies;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /console/preview} (JSON, CSRF header): the editor's live preview. Takes
 * {@code {"script","smsScript","reviewScript","locale","category","context","acceptedFallbacks"}} and answers every tone × channel (the
 * SMS and review columns from the entry's versions for them when it has them) plus what the save-time check finds
 * in the scripts at line and column: problems (a save would be refused) and notes (saved, but worth a look, such as
 * a discouraged word):
 * {@code {"problems":[…],"notes":[…],"cells":[{"tone","channel","text","html","warnings"}]}}. Rendering errors of
 * one cell are reported in that cell, so one bad layout never blanks the whole grid.
 */
final class PreviewEndpoint {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Logger LOG = Logger.getLogger(PreviewEndpoint.class.getName());
    private final ScriptPreview preview;
    private final ScriptCheck check;

    PreviewEndpoint(ScriptPreview preview, ScriptCheck check) {
        this.preview = preview;
        this.check = check;
    }

    void handle(Page p) throws IOException {
        String caller = p.require(Role.EDITOR).username();
        JsonNode body = Json.DOCUMENT.readTree(RequestBodies.read(p.request(), 256 * 1024));
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, "Expected a JSON object");
        JsonText.check(body);
        String script = body.path("script").asText("");
        ScriptVersions scripts = new ScriptVersions(script, body.path("smsScript").asText(""),
                body.path("reviewScript").asText(""));
        String locale = body.path("locale").asText(SupportedLocale.HOME.tag());
        String category = body.path("category").asText("").strip();
        Map<String, Object> context = body.path("context").isObject()
                ? Json.MAPPER.convertValue(body.get("context"), MAP) : Map.of();
        List<FieldError> problems = new ArrayList<>();
        List<FieldError> notes = new ArrayList<>();
        Set<String> accepted = Set.copyOf(AcceptedFallbacks.read(body, problems));
        List<ScriptVersions.Chosen> versions = new ArrayList<>(List.of(new ScriptVersions.Chosen("script", script)));
        for (String channel : List.of(Channel.SMS.id(), Channel.REVIEW.id())) {
            ScriptVersions.Chosen version = scripts.forChannel(channel);
            if (!version.field().equals("script")) versions.add(version); // the script itself is in the list already
        }
        for (ScriptVersions.Chosen version : versions) {
            problems.addAll(check.check(version.field(), version.text(), locale));
            notes.addAll(check.notes(version.field(), version.text(), locale));
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        if (problems.isEmpty()) {
            Grid grid = new Grid(locale, context, category.isEmpty() ? null : category, accepted, caller);
            for (String tone : Tone.IDS) {
                for (String channel : Channel.IDS) {
                    cells.add(cell(grid, scripts.forChannel(channel).text(), tone, channel, scripts.notes(channel)));
                }
            }
        }
        p.json(200, Map.of("problems", problems, "notes", notes, "cells", cells));
    }

    /**
     * What every cell of one preview shares: the language, the ticket values, the entry's category, the stand-in
     * words it accepts, who asked.
     */
    private record Grid(String locale, Map<String, Object> context, String category, Set<String> accepted,
                        String caller) {
    }

    /** One tone × channel of the grid; {@code notes} are the console's own warnings, shown before the renderer's. */
    private Map<String, Object> cell(Grid grid, String script, String tone, String channel, List<String> notes) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("tone", tone);
        cell.put("channel", channel);
        try {
            ScriptPreview.Result r = preview.render(script, grid.locale(), tone, channel, grid.context(), grid.category(),
                    grid.accepted(), grid.caller());
            cell.put("text", r.text());
            List<String> warnings = new ArrayList<>(notes);
            warnings.addAll(r.warnings());
            cell.put("warnings", warnings);
        } catch (IllegalArgumentException | RendererBusyException e) { // the script's problems, a bad tone, busy workers
            cell.put("text", "");
            cell.put("error", e.getMessage());
        } catch (RuntimeException e) { // a broken layout: a deployment error, whose details are for the log
            LOG.log(Level.WARNING, "Preview of " + tone + " × " + channel + " failed", e);
            cell.put("text", "");
            cell.put("error", "This combination could not be rendered; the server log says why.");
        }
        return cell;
    }
}
