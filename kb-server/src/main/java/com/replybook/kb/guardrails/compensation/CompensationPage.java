package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.console.Page;
import com.replybook.kb.web.Router;

final class CompensationPage {

    private final Compensation owner;

    CompensationPage(Compensation owner) {
        this.owner = owner;
    }

    void routes(Router<Page> r) {
    }
}
