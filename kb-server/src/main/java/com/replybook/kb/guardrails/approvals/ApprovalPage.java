package com.replybook.kb.guardrails.approvals;

import com.replybook.kb.console.Page;
import com.replybook.kb.web.Router;

final class ApprovalPage {

    private final Approvals owner;

    ApprovalPage(Approvals owner) {
        this.owner = owner;
    }

    void routes(Router<Page> r) {
    }
}
