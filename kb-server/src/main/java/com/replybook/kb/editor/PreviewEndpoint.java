package com.replybook.kb.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.ErrorTexts;
import com.replybook.kb.console.Messages;
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
import com.replybook.kb.web.InputError;
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
 * {@code {"script","smsScript","reviewScript","toneScripts":{"formal":…},"shops","locale","category","context",
 * "acceptedFallbacks"}} and answers every tone × channel (the SMS and review columns from the entry's versions for them
 * when it has them, a tone's row from its tone version) plus what the save-time check finds
 * in the scripts at line and column, already in the user's language: problems (a save would be refused) and notes
 * (saved, but worth a look, such as a discouraged word):
 * {@code {"problems":[{"field","line","column","reason","text"}],"notes":[…],"cells":[{"tone","channel","text","warnings"}]}}.
 * While the scripts have problems no cell is rendered (the page says why). A cell that fails on the sample ticket
 * carries {@code error}, the reason in words, so one bad layout never blanks the whole preview.
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
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, InputError.NOT_OBJECT);
        JsonText.check(body);
        String script = body.path("script").asText("");
        ScriptVersions scripts = new ScriptVersions(script, body.path("smsScript").asText(""),
                body.path("reviewScript").asText(""), toneScripts(body));
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
        scripts.tones().forEach((tone, text) -> versions.add(new ScriptVersions.Chosen(ScriptVersions.TONE_FIELD + "." + tone, text)));
        List<String> shops = new ArrayList<>(); // the shops ticked in the editor, whose wording rules apply
        body.path("shops").forEach(s -> { if (s.isTextual()) shops.add(s.asText()); });
        for (ScriptVersions.Chosen version : versions) {
            problems.addAll(check.check(version.field(), version.text(), locale, shops));
            notes.addAll(check.notes(version.field(), version.text(), locale, shops));
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        if (problems.isEmpty()) {
            Grid grid = new Grid(scripts, locale, context, category.isEmpty() ? null : category, accepted, caller,
                    p.messages());
            for (String tone : Tone.IDS) {
                for (String channel : Channel.IDS) {
                    cells.add(cell(grid, tone, channel));
                }
            }
        }
        p.json(200, Map.of("problems", shown(problems, p.messages()), "notes", shown(notes, p.messages()), "cells", cells));
    }

    private static List<Map<String, Object>> shown(List<FieldError> errors, Messages m) {
        return errors.stream().map(e -> shown(e, m)).toList();
    }

    /**
     * One problem as the page shows it: where (field, line, column) and what, in the user's words (a message without
     * a code, which only a newer check can send, as it is).
     */
    private static Map<String, Object> shown(FieldError e, Messages m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("field", e.field());
        out.put("line", e.line());
        out.put("column", e.column());
        out.put("reason", e.reason());
        String place = "script".equals(e.field()) ? "" : m.get("entry." + e.field() + ".short") + " · ";
        String what = e.reason() == null ? e.message() : ErrorTexts.of(m, e);
        out.put("text", place + (e.line() == null ? what : m.get("script.problemAt", e.line(), e.column(), what)));
        return out;
    }

    /**
     * What every cell of one preview shares: the scripts, the language, the ticket values, the entry's category, the
     * stand-in words it accepts, who asked, their words.
     */
    private record Grid(ScriptVersions scripts, String locale, Map<String, Object> context, String category,
                        Set<String> accepted, String caller, Messages m) {
    }

    /** One tone × channel; the console's own notes on the channel come before the renderer's warnings. */
    private Map<String, Object> cell(Grid grid, String tone, String channel) {
        ScriptVersions scripts = grid.scripts();
        Messages m = grid.m();
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("tone", tone);
        cell.put("channel", channel);
        ScriptVersions.Chosen version = scripts.forReply(channel, tone); // a tone's row from its tone version
        try {
            ScriptPreview.Result r = preview.render(version.text(), grid.locale(), tone, channel, grid.context(),
                    grid.category(), grid.accepted(), grid.caller());
            cell.put("text", r.text());
            List<String> warnings = new ArrayList<>(scripts.notes(channel));
            warnings.addAll(r.warnings());
            cell.put("warnings", warnings);
        } catch (ScriptPreview.Rejected e) {
            cell.put("text", "");
            cell.put("error", e.problems().isEmpty() ? m.get("preview.failed")
                    : ErrorTexts.withPlace(m, e.problems().getFirst().onField(version.field())));
        } catch (RendererBusyException e) {
            cell.put("text", "");
            cell.put("error", m.get(ErrorTexts.key((e.callersShare() ? InputError.TOO_MANY_IN_PROGRESS : InputError.BUSY)
                    .code())));
        } catch (RuntimeException e) { // a broken layout: a deployment error, whose details are for the log
            LOG.log(Level.WARNING, "Preview of " + tone + " × " + channel + " failed", e);
            cell.put("text", "");
            cell.put("error", m.get("preview.failed"));
        }
        return cell;
    }

    /** The tone versions being written, {@code {"formal":"…"}}: known tones with text only, the rest ignored. */
    private static Map<String, String> toneScripts(JsonNode body) {
        Map<String, String> out = new java.util.TreeMap<>();
        JsonNode n = body.path(ScriptVersions.TONE_FIELD);
        if (!n.isObject()) return out;
        for (String tone : Tone.IDS) {
            String text = n.path(tone).asText("");
            if (!text.isBlank() && text.length() <= 64 * 1024) out.put(tone, text);
        }
        return out;
    }
}
