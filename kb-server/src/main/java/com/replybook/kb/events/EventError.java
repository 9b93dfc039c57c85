package com.replybook.kb.events;

import com.replybook.kb.web.ErrorCode;

/** Messages about usage events a client sends (see {@link ErrorCode}). */
enum EventError implements ErrorCode {
    TYPE("event.type", "type must be one of {types}", "types"),
    ENTRY_REQUIRED("event.entryRequired", "{type} events must name the entry (entryId)", "type"),
    VERSION_REQUIRED("event.versionRequired", "insert events must name the entry version that was inserted"),
    OUTCOME_REQUIRED("event.outcomeRequired", "outcome events need outcome: one of {outcomes}", "outcomes"),
    HELPDESK_REQUIRED("event.helpdeskRequired", "outcome events must name the help-desk, e.g. rt"),
    TICKET_REQUIRED("event.ticketRequired", "outcome events must name the ticket (ticketId)"),
    SCORE("event.score", "score must be between 0 and {max}", "max"),
    APPROVAL_REQUIRED("event.approvalRequired", "approval events need approval: one of {steps}", "steps"),
    COMPENSATION_REQUIRED("event.compensationRequired", "approval events need the compensation asked for"),
    COMPENSATION_NOT_HERE("event.compensationNotHere", "compensation is only recorded on insert and approval events"),
    COMPENSATION_SHAPE("event.compensationShape", "compensation must be an object: {offer, amount, approvalId}"),
    APPROVAL_ID_REQUIRED("event.approvalIdRequired",
            "approval events must name the approval (compensation.approvalId)"),
    OFFER("event.offer", "compensation.offer must be one of {offers}", "offers"),
    AMOUNT("event.amount", "compensation.amount must be a decimal string such as \"10.00\", not negative, at most two "
            + "decimals and at most {max}", "max"),
    NESTED_TEXT("event.nestedText", "{field} must be a string of at most {max} characters", "field", "max"),
    ONLY_FOR("event.onlyFor", "{field} is only recorded on {type} events", "field", "type"),
    SOURCE("event.source", "source must be 'ticket' or 'typed', was '{value}'", "value"),
    WORD("event.word", "{field} must be a lower-case word such as 'formal' or 'email', was '{value}'", "field", "value"),
    NOT_NEGATIVE("event.notNegative", "{field} must be a non-negative whole number", "field"),
    NO_SUCH_ENTRY("event.noSuchEntry",
            "entryId '{entryId}' names no entry you can read; send the id or key of an entry from a search", "entryId"),
    NO_SUCH_VERSION("event.noSuchVersion", "entry {key} has no version {version} yet; its current version is {current}",
            "key", "version", "current");

    private final Def def;

    EventError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
