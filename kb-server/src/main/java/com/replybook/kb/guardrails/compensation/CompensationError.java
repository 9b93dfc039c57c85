package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.web.ErrorCode;

/** Messages about a compensation policy and its rows (see {@link ErrorCode}; shared ones in {@code GuardrailsError}). */
enum CompensationError implements ErrorCode {
    UNKNOWN_FIELD("compensation.unknownField", "Unknown field '{field}'; send {\"currency\",\"rules\":[…]}", "field"),
    RULES_NOT_ARRAY("compensation.rulesNotArray",
            "rules must be an array of {category, orderMin, orderMax, customerTags, offer, maxAmount}"),
    CURRENCY("compensation.currency", "currency must be an ISO 4217 code such as CNY, TWD or USD, was '{value}'", "value"),
    ROW_NOT_OBJECT("compensation.rowNotObject",
            "each rule must be an object {category, orderMin, orderMax, customerTags, offer, maxAmount}"),
    PERCENT("compensation.percent", "maxPercent must be more than 0 and at most 100, was {value}", "value"),
    ORDER_RANGE("compensation.orderRange", "orderMax ({max}) must be more than orderMin ({min}); leave it out for no "
            + "upper bound", "max", "min"),
    CATEGORY("compensation.category", "category must be a path like 物流/延误 without empty parts, or * for every category"),
    CONTRADICTS("compensation.contradicts", "this rule contradicts row {other}, which gives {amount} for the same "
            + "category, offer, customer tags and order range; make the ranges meet without overlapping, e.g. 0–100 "
            + "and 100–500", "other", "amount"),
    REPEATS("compensation.repeats", "this rule repeats row {other}; make the ranges meet without overlapping, e.g. "
            + "0–100 and 100–500", "other"),
    OVERLAPS("compensation.overlaps", "this rule has an order range that overlaps row {other} (same category, offer and "
            + "customer tags); make the ranges meet without overlapping, e.g. 0–100 and 100–500", "other"),
    CHANGED("compensation.changed", "The compensation policy changed since you read it (now version {current}); reload "
            + "and apply your change again", "current");

    private final Def def;

    CompensationError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
