package com.replybook.kb.guardrails.wording;

import com.replybook.kb.console.Page;
import com.replybook.kb.web.Router;

final class WordingPage {

    private final Wording owner;

    WordingPage(Wording owner) {
        this.owner = owner;
    }

    void routes(Router<Page> r) {
    }
}
