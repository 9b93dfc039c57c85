package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.search.SimplifiedChinese;
import com.replybook.kb.vocabulary.CompensationOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of a compensation policy: for tickets of {@code category} (and its subcategories: {@code 物流} covers
 * {@code 物流/延误}; {@code *} covers every category) with an order of {@code orderMin ≤ amount < orderMax}, from a
 * customer carrying every tag in {@code customerTags}, an agent may offer up to {@code maxAmount} of {@code offer}
 * without asking; with {@code maxPercent}, also at most that share of the order (a 20 % refund, capped).
 *
 * @param orderMax    {@code null} for no upper bound
 * @param maxPercent  {@code null} when the cap is {@code maxAmount} alone
 */
public record CompensationRule(String category, BigDecimal orderMin, BigDecimal orderMax, List<String> customerTags,
                               CompensationOffer offer, BigDecimal maxAmount, BigDecimal maxPercent) {

    /** The category that covers every ticket. */
    public static final String ANY = "*";

    public CompensationRule {
        customerTags = List.copyOf(customerTags);
    }

    /** True when this rule covers the ticket (its offer aside). */
    boolean covers(String ticketCategory, BigDecimal orderAmount, Collection<String> ticketTags) {
        if (!ANY.equals(category)) {
            String mine = fold(category);
            String theirs = ticketCategory == null ? "" : fold(ticketCategory);
            if (!theirs.equals(mine) && !theirs.startsWith(mine + "/")) return false;
        }
        BigDecimal order = orderAmount == null ? BigDecimal.ZERO : orderAmount;
        if (order.compareTo(orderMin) < 0 || (orderMax != null && order.compareTo(orderMax) >= 0)) return false;
        Set<String> tags = ticketTags.stream().map(CompensationRule::fold).collect(Collectors.toSet());
        return customerTags.stream().map(CompensationRule::fold).allMatch(tags::contains);
    }

    /** How specific the rule is: a deeper category first, then more customer tags. */
    int[] specificity() {
        int depth = ANY.equals(category) ? 0 : category.split("/").length;
        return new int[] {depth, customerTags.size()};
    }

    /** The most this rule allows on an order of {@code orderAmount} ({@code null}: unknown, counted as 0). */
    BigDecimal limit(BigDecimal orderAmount) {
        if (maxPercent == null) return maxAmount;
        BigDecimal order = orderAmount == null ? BigDecimal.ZERO : orderAmount;
        BigDecimal share = order.multiply(maxPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return share.min(maxAmount);
    }

    /** Categories and tags compare without case, width or traditional/simplified differences, spaces trimmed. */
    static String fold(String s) {
        return SimplifiedChinese.fold(Normalizer.normalize(s.strip(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)).replaceAll("\\s*/\\s*", "/");
    }

    /** The rule as the API writes it: amounts as decimal strings, {@code orderMax}/{@code maxPercent} only when set. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("category", category);
        out.put("orderMin", Amounts.format(orderMin));
        if (orderMax != null) out.put("orderMax", Amounts.format(orderMax));
        out.put("customerTags", customerTags);
        out.put("offer", offer.id());
        out.put("maxAmount", Amounts.format(maxAmount));
        if (maxPercent != null) out.put("maxPercent", Amounts.format(maxPercent));
        return out;
    }
}
