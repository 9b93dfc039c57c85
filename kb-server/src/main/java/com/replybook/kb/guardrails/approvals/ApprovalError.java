package com.replybook.kb.guardrails.approvals;

import com.replybook.kb.web.ErrorCode;

/** Messages about compensation approvals (see {@link ErrorCode}). */
enum ApprovalError implements ErrorCode {
    HELPDESK("approval.helpdesk", "helpdesk must be a lower-case word such as rt or zendesk"),
    AMOUNT_POSITIVE("approval.amountPositive", "amount must be more than 0"),
    STATUS("approval.status", "status must be pending, approved or rejected"),
    NOT_FOUND("approval.notFound", "No approval {id}", "id"),
    DECIDED("approval.decided", "This approval was already {status} by {decidedBy}; a decision is final",
            "status", "decidedBy"),
    DECISION("approval.decision", "decision must be approve or reject");

    private final Def def;

    ApprovalError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
