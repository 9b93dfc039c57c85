package com.replybook.kb.guardrails;

import com.replybook.kb.web.ErrorCode;
import com.replybook.kb.web.FieldError;

/**
 * Messages shared by the guardrails' rule sets (see {@link ErrorCode}): locales, versions, rows and amounts. A row's
 * problem keeps its own code; its English message starts with "Row 3: " and its field names the row
 * ({@code rules[2].maxAmount}).
 */
public enum GuardrailsError implements ErrorCode {
    LOCALE("guardrails.locale", "{field} must be one of {locales}, was '{value}'", "field", "locales", "value"),
    LOCALE_MISSING("guardrails.localeMissing", "{field} must be one of {locales}", "field", "locales"),
    NO_POLICY("guardrails.noPolicy", "There is no compensation policy for '{tag}'; there are {locales}", "tag", "locales"),
    NO_WORDING("guardrails.noWording", "There is no wording rule set for '{tag}'; there are {locales}", "tag", "locales"),
    IF_MATCH("guardrails.ifMatch", "If-Match must be the version you read, e.g. \"3\""),
    TOO_MANY_RULES("guardrails.tooManyRules", "At most {max} rules per locale", "max"),
    ROW_UNKNOWN_FIELD("guardrails.rowUnknownField", "unknown field '{field}'", "field"),
    OFFER("guardrails.offer", "offer must be one of {offers}, was '{value}'", "offers", "value"),
    AMOUNT_REQUIRED("guardrails.amountRequired", "{field} is required, a decimal string such as \"10\"", "field"),
    AMOUNT_NOT_STRING("guardrails.amountNotString", "{field} must be a decimal string such as \"10\"", "field"),
    AMOUNT_NEGATIVE("guardrails.amountNegative", "{field} must not be negative, was '{value}'", "field", "value"),
    AMOUNT_FORMAT("guardrails.amountFormat", "{field} must be an amount as a decimal string such as \"10\" or "
            + "\"12.50\", was '{value}'", "field", "value"),
    AMOUNT_TOO_LARGE("guardrails.amountTooLarge", "{field} must be at most {max}", "field", "max");

    private final Def def;

    /** A problem of row {@code i}: on {@code rules[i].<field>}, in English "Row i+1: …", its code and arguments kept. */
    public static FieldError inRow(int i, FieldError problem) {
        String field = "rules[" + i + "]" + (problem.field().isEmpty() ? "" : "." + problem.field());
        return problem.onField(field).withMessage("Row " + (i + 1) + ": " + problem.message());
    }

    GuardrailsError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
