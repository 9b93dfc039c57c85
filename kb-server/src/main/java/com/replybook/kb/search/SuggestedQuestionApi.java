package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.EntryView;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Questions learned from agents' searches, for editors and up:
 * <ul>
 *   <li>{@code GET /api/v1/entries/{ref}/suggested-questions} → {@code {"questions":[{"text","tickets":n}]}}, the most
 *       tickets first;</li>
 *   <li>{@code POST /api/v1/entries/{ref}/suggested-questions/accept} {@code {"text"}} → the entry with the text among
 *       its questions (a new revision: ETag, version);</li>
 *   <li>{@code POST /api/v1/entries/{ref}/suggested-questions/dismiss} {@code {"text"}} → {@code {"questions":[…]}}
 *       without it, for good.</li>
 * </ul>
 * A text that is not a current suggestion of the entry is refused with 422 naming {@code text}.
 */
final class SuggestedQuestionApi {

    private final SuggestedQuestions questions;
    private final EntryStore entries;
    private final Clock clock;

    SuggestedQuestionApi(SuggestedQuestions questions, EntryStore entries, Clock clock) {
        this.questions = questions;
        this.entries = entries;
        this.clock = clock;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/entries/{ref}/suggested-questions", this::list)
                .post("/api/v1/entries/{ref}/suggested-questions/accept", this::accept)
                .post("/api/v1/entries/{ref}/suggested-questions/dismiss", this::dismiss);
    }

    private void list(ApiCall call) throws IOException {
        Principal.of(call).require(Role.EDITOR);
        call.json(200, Map.of("questions", questions.of(entry(call))));
    }

    private void accept(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        Entry saved = questions.accept(entry(call), text(call), me.username());
        call.setHeader("ETag", "\"" + saved.version() + "\"");
        call.json(200, EntryView.of(saved, clock.instant()));
    }

    private void dismiss(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        Entry e = entry(call);
        questions.dismiss(e, text(call), me.username());
        call.json(200, Map.of("questions", questions.of(e)));
    }

    /**
     * The entry, when the caller may change it (learning a question changes it, and the questions are other agents'
     * searches): 404 when they may not read it, 403 when they may not change it (a shop they do not work for).
     */
    private Entry entry(ApiCall call) {
        String ref = call.path("ref");
        Principal me = Principal.of(call);
        Entry e = EntryAccess.readable(me, entries.find(ref).orElseThrow(() -> ApiException.notFound(
                EntryError.NOT_FOUND, ref)), ref);
        EntryAccess.checkChange(me, e);
        return e;
    }

    private static String text(ApiCall call) throws IOException {
        JsonNode t = call.readObject().get("text");
        if (t == null || !t.isTextual() || t.asText().isBlank() || t.asText().length() > 500) {
            throw ApiException.invalid(List.of(FieldError.of("text", SuggestedQuestionError.TEXT_REQUIRED)));
        }
        return t.asText();
    }
}
