package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.vocabulary.CompensationOffer;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A locale's compensation policy: its currency and its rules, in the order the lead wrote them. Immutable.
 *
 * <pre>{@code
 * policy.decide(new Ask("物流/延误", new BigDecimal("80"), List.of(), CompensationOffer.COUPON, new BigDecimal("10")))
 * // → allowed=false, maxAmount=5, needsApproval=true, rule={物流, 0–100, coupon, 5}
 * }</pre>
 */
public record CompensationPolicy(String currency, List<CompensationRule> rules) {

    public CompensationPolicy {
        rules = List.copyOf(rules);
    }

    /** What a ticket asks: an {@code amount} of {@code offer} on an order of {@code orderAmount} ({@code null}: unknown). */
    public record Ask(String category, BigDecimal orderAmount, Collection<String> customerTags, CompensationOffer offer,
                      BigDecimal amount) {
    }

    /**
     * The answer to an ask: the most the policy gives without asking ({@code 0} when no rule covers the ticket) and
     * the rule that says so.
     */
    public record Decision(boolean allowed, BigDecimal maxAmount, boolean needsApproval, CompensationRule rule,
                           String currency) {

        public Map<String, Object> toJson() {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("allowed", allowed);
            out.put("maxAmount", Amounts.format(maxAmount));
            out.put("needsApproval", needsApproval);
            out.put("rule", rule == null ? null : rule.toJson());
            out.put("currency", currency);
            return out;
        }
    }

    /** The most specific rule for the ticket and offer: deepest category, then most tags, then the first listed. */
    public Optional<CompensationRule> ruleFor(String category, BigDecimal orderAmount, Collection<String> tags, CompensationOffer offer) {
        return IntStream.range(0, rules.size()).boxed()
                .filter(i -> rules.get(i).offer() == offer && rules.get(i).covers(category, orderAmount, tags))
                .min(Comparator.<Integer>comparingInt(i -> -rules.get(i).specificity()[0])
                        .thenComparingInt(i -> -rules.get(i).specificity()[1])
                        .thenComparingInt(i -> i))
                .map(rules::get);
    }

    /** Index of {@code rule} in this policy, or -1. */
    public int indexOf(CompensationRule rule) {
        return rules.indexOf(rule);
    }

    public Decision decide(Ask ask) {
        Optional<CompensationRule> rule = ruleFor(ask.category(), ask.orderAmount(), ask.customerTags(), ask.offer());
        BigDecimal max = rule.map(r -> r.limit(ask.orderAmount())).orElse(BigDecimal.ZERO);
        BigDecimal amount = ask.amount() == null ? BigDecimal.ZERO : ask.amount();
        boolean allowed = amount.compareTo(max) <= 0;
        return new Decision(allowed, max, !allowed, rule.orElse(null), currency);
    }
}
