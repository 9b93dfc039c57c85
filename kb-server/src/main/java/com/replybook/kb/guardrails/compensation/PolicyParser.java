package com.replybook.kb.guardrails.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates a compensation policy ({@code {"currency":"CNY","rules":[{"category","orderMin","orderMax",
 * "customerTags","offer","maxAmount","maxPercent"}]}}), naming every problem with its row and field
 * ({@code rules[2].maxAmount}) so that nothing is saved half: unknown offers and fields, negative or non-numeric
 * amounts, an order range that ends before it starts, and two rows for the same category, offer and customer tags
 * whose order ranges overlap (the second would contradict the first, or repeat it).
 */
final class PolicyParser {

    static final int MAX_RULES = 200;
    private static final Set<String> FIELDS = Set.of("category", "orderMin", "orderMax", "customerTags", "offer",
            "maxAmount", "maxPercent");
    private static final Set<String> TOP = Set.of("locale", "currency", "rules", "version", "updatedAt", "updatedBy",
            "defaults");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<FieldError> errors = new ArrayList<>();

    private PolicyParser() {
    }

    /** The policy of {@code body}; 400 when it has no rules array, 422 listing every problem. */
    static CompensationPolicy parse(JsonNode body) {
        return new PolicyParser().policy(body);
    }

    private CompensationPolicy policy(JsonNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (!TOP.contains(name)) errors.add(FieldError.of(name, CompensationError.UNKNOWN_FIELD, name));
        });
        String currency = currency(JsonFields.text(body, "currency", 3, true, errors));
        JsonNode rows = body.get("rules");
        if (rows == null || !rows.isArray()) {
            throw ApiException.badRequest("rules", CompensationError.RULES_NOT_ARRAY);
        }
        if (rows.size() > MAX_RULES) throw ApiException.unprocessable("rules", GuardrailsError.TOO_MANY_RULES, MAX_RULES);
        List<CompensationRule> rules = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CompensationRule r = row(rows.get(i), i);
            if (r != null) {
                overlaps(rules, rowOf, r, i);
                rules.add(r);
                rowOf.add(i);
            }
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return new CompensationPolicy(currency, rules);
    }

    private String currency(String code) {
        if (code == null || code.isEmpty()) return code;
        try {
            return Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("currency", CompensationError.CURRENCY, code));
            return code;
        }
    }

    private CompensationRule row(JsonNode row, int i) {
        List<FieldError> own = new ArrayList<>();
        if (row == null || !row.isObject()) {
            add(i, List.of(FieldError.of("", CompensationError.ROW_NOT_OBJECT)));
            return null;
        }
        row.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) own.add(FieldError.of(name, GuardrailsError.ROW_UNKNOWN_FIELD, name));
        });
        String category = category(JsonFields.text(row, "category", 200, true, own), own);
        BigDecimal min = amount(row, "orderMin", false, own);
        BigDecimal max = amount(row, "orderMax", false, own);
        List<String> tags = JsonFields.strings(row, "customerTags", 20, 50, own);
        String offerText = JsonFields.text(row, "offer", 20, true, own);
        CompensationOffer offer = offerText == null ? null : Offers.find(offerText.toLowerCase(java.util.Locale.ROOT));
        if (offerText != null && !offerText.isEmpty() && offer == null) {
            own.add(Offers.problem(offerText));
        }
        BigDecimal maxAmount = amount(row, "maxAmount", true, own);
        BigDecimal percent = amount(row, "maxPercent", false, own);
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0)) {
            own.add(FieldError.of("maxPercent", CompensationError.PERCENT, Amounts.format(percent)));
        }
        BigDecimal from = min == null ? BigDecimal.ZERO : min;
        if (max != null && max.compareTo(from) <= 0) {
            own.add(FieldError.of("orderMax", CompensationError.ORDER_RANGE, Amounts.format(max), Amounts.format(from)));
        }
        add(i, own);
        if (!own.isEmpty() || category == null || offer == null || maxAmount == null) return null;
        return new CompensationRule(category, from, max, tags, offer, maxAmount, percent);
    }

    /** {@code 物流 / 延误 } → {@code 物流/延误}; {@code *} for every category. */
    private static String category(String raw, List<FieldError> own) {
        if (raw == null || raw.isEmpty() || raw.equals(CompensationRule.ANY)) return raw;
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("/", -1)) {
            if (part.isBlank()) {
                own.add(FieldError.of("category", CompensationError.CATEGORY));
                return null;
            }
            parts.add(part.strip());
        }
        return String.join("/", parts);
    }

    private static BigDecimal amount(JsonNode row, String field, boolean required, List<FieldError> own) {
        JsonNode n = row.get(field);
        if (n == null || n.isNull()) {
            if (required) own.add(FieldError.of(field, GuardrailsError.AMOUNT_REQUIRED, field));
            return null;
        }
        if (n.isNumber() && n.decimalValue().signum() < 0) { // the number as sent, without quotes
            own.add(FieldError.of(field, GuardrailsError.AMOUNT_NEGATIVE, field, n.toString())
                    .withMessage(field + " must not be negative, was " + n));
            return null;
        }
        try {
            if (n.isNumber()) return Amounts.parse(n.decimalValue().stripTrailingZeros().toPlainString());
            if (!n.isTextual()) throw new Amounts.Invalid(GuardrailsError.AMOUNT_NOT_STRING);
            return Amounts.parse(n.asText());
        } catch (Amounts.Invalid e) {
            own.add(e.on(field));
            return null;
        }
    }

    /** Refuses a rule for the same category, offer and tags as an earlier one whose order range overlaps it. */
    private void overlaps(List<CompensationRule> earlier, List<Integer> rowOf, CompensationRule r, int i) {
        for (int k = 0; k < earlier.size(); k++) {
            CompensationRule e = earlier.get(k);
            if (e.offer() != r.offer() || !CompensationRule.fold(e.category()).equals(CompensationRule.fold(r.category()))
                    || !tagSet(e).equals(tagSet(r)) || !overlap(e, r)) {
                continue;
            }
            boolean same = e.orderMin().compareTo(r.orderMin()) == 0 && equal(e.orderMax(), r.orderMax());
            int other = rowOf.get(k) + 1;
            FieldError problem = same && e.maxAmount().compareTo(r.maxAmount()) != 0 && equal(e.maxPercent(), r.maxPercent())
                    ? FieldError.of("orderMin", CompensationError.CONTRADICTS, other, Amounts.format(e.maxAmount()))
                    : same ? FieldError.of("orderMin", CompensationError.REPEATS, other)
                    : FieldError.of("orderMin", CompensationError.OVERLAPS, other);
            add(i, List.of(problem));
            return;
        }
    }

    private static Set<String> tagSet(CompensationRule r) {
        Set<String> s = new TreeSet<>();
        r.customerTags().forEach(t -> s.add(CompensationRule.fold(t)));
        return s;
    }

    /** Half-open ranges [min, max) overlap. */
    private static boolean overlap(CompensationRule a, CompensationRule b) {
        boolean aBeforeB = a.orderMax() != null && a.orderMax().compareTo(b.orderMin()) <= 0;
        boolean bBeforeA = b.orderMax() != null && b.orderMax().compareTo(a.orderMin()) <= 0;
        return !aBeforeB && !bBeforeA;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void add(int i, List<FieldError> own) {
        for (FieldError e : own) errors.add(GuardrailsError.inRow(i, e));
    }
}
