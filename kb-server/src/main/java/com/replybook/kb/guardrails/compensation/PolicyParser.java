package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.vocabulary.CompensationOffer;
import com.fasterxml.jackson.databind.JsonNode;
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
            if (!TOP.contains(name)) errors.add(new FieldError(name, "Unknown field '" + name + "'; send {\"currency\",\"rules\":[…]}"));
        });
        String currency = currency(JsonFields.text(body, "currency", 3, true, errors));
        JsonNode rows = body.get("rules");
        if (rows == null || !rows.isArray()) {
            throw ApiException.badRequest("rules", "rules must be an array of {category, orderMin, orderMax, customerTags, offer, maxAmount}");
        }
        if (rows.size() > MAX_RULES) throw ApiException.unprocessable("rules", "At most " + MAX_RULES + " rules per locale", null);
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
            errors.add(new FieldError("currency", "currency must be an ISO 4217 code such as CNY, TWD or USD, was '" + code + "'"));
            return code;
        }
    }

    private CompensationRule row(JsonNode row, int i) {
        List<FieldError> own = new ArrayList<>();
        if (row == null || !row.isObject()) {
            add(i, List.of(new FieldError("", "each rule must be an object {category, orderMin, orderMax, customerTags, offer, maxAmount}")));
            return null;
        }
        row.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) own.add(new FieldError(name, "unknown field '" + name + "'"));
        });
        String category = category(JsonFields.text(row, "category", 200, true, own), own);
        BigDecimal min = amount(row, "orderMin", false, own);
        BigDecimal max = amount(row, "orderMax", false, own);
        List<String> tags = JsonFields.strings(row, "customerTags", 20, 50, own);
        String offerText = JsonFields.text(row, "offer", 20, true, own);
        CompensationOffer offer = offerText == null ? null : Offers.find(offerText.toLowerCase(java.util.Locale.ROOT));
        if (offerText != null && !offerText.isEmpty() && offer == null) {
            own.add(new FieldError("offer", "offer must be one of " + String.join(", ", CompensationOffer.IDS) + ", was '" + offerText + "'"));
        }
        BigDecimal maxAmount = amount(row, "maxAmount", true, own);
        BigDecimal percent = amount(row, "maxPercent", false, own);
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0)) {
            own.add(new FieldError("maxPercent", "maxPercent must be more than 0 and at most 100, was " + Amounts.format(percent)));
        }
        BigDecimal from = min == null ? BigDecimal.ZERO : min;
        if (max != null && max.compareTo(from) <= 0) {
            own.add(new FieldError("orderMax", "orderMax (" + Amounts.format(max) + ") must be more than orderMin ("
                    + Amounts.format(from) + "); leave it out for no upper bound"));
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
                own.add(new FieldError("category", "category must be a path like 物流/延误 without empty parts, or * for every category"));
                return null;
            }
            parts.add(part.strip());
        }
        return String.join("/", parts);
    }

    private static BigDecimal amount(JsonNode row, String field, boolean required, List<FieldError> own) {
        JsonNode n = row.get(field);
        if (n == null || n.isNull()) {
            if (required) own.add(new FieldError(field, field + " is required, a decimal string such as \"10\""));
            return null;
        }
        try {
            if (n.isNumber()) {
                if (n.decimalValue().signum() < 0) throw new IllegalArgumentException("must not be negative, was " + n);
                return Amounts.parse(n.decimalValue().stripTrailingZeros().toPlainString());
            }
            if (!n.isTextual()) throw new IllegalArgumentException("must be a decimal string such as \"10\"");
            return Amounts.parse(n.asText());
        } catch (IllegalArgumentException e) {
            own.add(new FieldError(field, field + " " + e.getMessage()));
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
            String what = same && e.maxAmount().compareTo(r.maxAmount()) != 0 && equal(e.maxPercent(), r.maxPercent())
                    ? "contradicts row " + (rowOf.get(k) + 1) + ", which gives " + Amounts.format(e.maxAmount())
                    + " for the same category, offer, customer tags and order range"
                    : same ? "repeats row " + (rowOf.get(k) + 1)
                    : "has an order range that overlaps row " + (rowOf.get(k) + 1) + " (same category, offer and customer tags)";
            add(i, List.of(new FieldError("orderMin", "this rule " + what
                    + "; make the ranges meet without overlapping, e.g. 0–100 and 100–500")));
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
        for (FieldError e : own) {
            String field = "rules[" + i + "]" + (e.field().isEmpty() ? "" : "." + e.field());
            errors.add(new FieldError(field, "Row " + (i + 1) + ": " + e.message()));
        }
    }
}
