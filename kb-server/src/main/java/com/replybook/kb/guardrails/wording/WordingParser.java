package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a locale's wording rules ({@code {"rules":[{"phrase","severity","suggestion","reason"}]}}),
 * naming every problem with its row and field ({@code rules[3].phrase}) so that nothing is saved half. A phrase
 * must not match everything (not empty, not one common character), and may appear once.
 */
final class WordingParser {

    static final int MAX_RULES = 500;
    private static final int MAX_TEXT = 300;
    private static final Set<String> FIELDS = Set.of("phrase", "severity", "suggestion", "reason");
    private static final Set<String> TOP = Set.of("locale", "rules", "version", "updatedAt", "updatedBy", "defaults");

    private WordingParser() {
    }

    /** The rules of {@code body}; 400 when it has no rules array, 422 listing every problem of the rows. */
    static List<WordingRule> parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!TOP.contains(name)) errors.add(FieldError.of(name, WordingRuleError.UNKNOWN_FIELD, name));
        });
        JsonNode rows = body.get("rules");
        if (rows == null || !rows.isArray()) {
            throw ApiException.badRequest("rules", WordingRuleError.RULES_NOT_ARRAY);
        }
        if (rows.size() > MAX_RULES) throw ApiException.unprocessable("rules", GuardrailsError.TOO_MANY_RULES, MAX_RULES);
        List<WordingRule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            WordingRule rule = row(rows.get(i), i, errors);
            if (rule == null) continue;
            Integer first = seen.putIfAbsent(rule.compiled().key(), i);
            if (first != null) {
                errors.add(GuardrailsError.inRow(i, FieldError.of("phrase", WordingRuleError.DUPLICATE, rule.phrase(), first + 1)));
            }
            rules.add(rule);
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return rules;
    }

    private static WordingRule row(JsonNode row, int i, List<FieldError> errors) {
        if (row == null || !row.isObject()) {
            errors.add(GuardrailsError.inRow(i, FieldError.of("", WordingRuleError.ROW_NOT_OBJECT)));
            return null;
        }
        List<FieldError> own = new ArrayList<>();
        row.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) own.add(FieldError.of(name, GuardrailsError.ROW_UNKNOWN_FIELD, name));
        });
        String phrase = JsonFields.text(row, "phrase", Phrase.MAX_LENGTH, true, own);
        String severityText = JsonFields.text(row, "severity", 10, true, own);
        String suggestion = JsonFields.text(row, "suggestion", MAX_TEXT, false, own);
        String reason = JsonFields.text(row, "reason", MAX_TEXT, false, own);
        Severity severity = severityText == null ? null : Severity.fromWire(severityText);
        if (severityText != null && !severityText.isEmpty() && severity == null) {
            own.add(FieldError.of("severity", WordingRuleError.SEVERITY, severityText));
        }
        Phrase compiled = phrase == null || phrase.isEmpty() ? null : compile(phrase, own);
        own.forEach(e -> errors.add(GuardrailsError.inRow(i, e)));
        if (!own.isEmpty() || compiled == null || severity == null) return null;
        return new WordingRule(phrase, severity, suggestion == null ? "" : suggestion, reason == null ? "" : reason, compiled);
    }

    private static Phrase compile(String phrase, List<FieldError> errors) {
        try {
            Phrase p = Phrase.compile(phrase);
            WordingRuleError tooBroad = tooBroad(p);
            if (tooBroad == null) return p;
            errors.add(FieldError.of("phrase", tooBroad, phrase));
        } catch (Phrase.Invalid e) {
            errors.add(e.of(phrase));
        }
        return null;
    }

    /** Why the phrase would flag nearly every text, or null when it would not. */
    private static WordingRuleError tooBroad(Phrase p) {
        if (p.minLength() == 0) return WordingRuleError.MATCHES_EVERYTHING;
        if (p.minLength() == 1 && p.chars().stream().anyMatch(CommonCharacters::isCommon)) {
            return WordingRuleError.COMMON_CHARACTER;
        }
        return null;
    }

}
