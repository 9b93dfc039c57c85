package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.search.SuggestedQuestions;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;

/**
 * The entry page's questions learned from agents' searches (listed by {@link EntryPages}): {@code POST
 * /console/entries/{id}/suggested-questions} with {@code action} accept or dismiss and the {@code text}. Accepting
 * saves a new version of the entry, so the page comes back at that version; a text no longer suggested (another
 * editor was quicker) comes back with a message, nothing changed.
 */
final class SuggestedQuestionPages {

    private final EntryStore store;
    private final SuggestedQuestions questions;

    SuggestedQuestionPages(EntryStore store, SuggestedQuestions questions) {
        this.store = store;
        this.questions = questions;
    }

    void routes(Router<Page> console) {
        console.post("/entries/{id}/suggested-questions", this::decide);
    }

    private void decide(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry e = EntryAccess.readable(me, store.find(p.path("id"))
                .orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, p.path("id"))), p.path("id"));
        EntryAccess.checkChange(me, e);
        String text = p.raw("text");
        try {
            if ("accept".equals(p.param("action"))) {
                questions.accept(e, text, me.username());
                p.redirect("entries/" + e.id() + "#suggested-questions", "questions.accepted", text.strip());
            } else {
                questions.dismiss(e, text, me.username());
                p.redirect("entries/" + e.id() + "#suggested-questions", "questions.dismissed", text.strip());
            }
        } catch (ApiException ex) {
            if (ex.status() != 422 && ex.status() != 409) throw ex;
            p.redirect("entries/" + e.id() + "#suggested-questions", "questions.gone");
        }
    }
}
