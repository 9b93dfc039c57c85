package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.render.ReplyAdvisor;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compensation policy in every reply: {@code ${compensation.coupon}} (and {@code .refund}, {@code .gift},
 * {@code .shipping}) is what the policy gives this ticket, from the entry's category, the order's amount
 * ({@code order.amount}) and the customer's tags ({@code customer.tags}); when the ticket asks for more
 * ({@code coupon.amount} above the coupon's limit) the reply carries the warning
 * {@code compensation-over-limit:<offer>:<asked>:<allowed>:<currency>}, e.g.
 * {@code compensation-over-limit:coupon:10:5:CNY}. An unknown order amount counts as 0: the smallest authority. A reply
 * written for a shop follows that shop's policy when it has its own.
 */
final class CompensationAdvisor implements ReplyAdvisor {

    static final String OVER_LIMIT = "compensation-over-limit";
    private final Compensation compensation;

    CompensationAdvisor(Compensation compensation) {
        this.compensation = compensation;
    }

    @Override
    public Advice advise(Situation s) {
        CompensationPolicy policy = compensation.current(
                new ShopSetting(SupportedLocale.resolve(s.locale()).tag(), s.shop())).policy(); // the shop's, else the locale's
        BigDecimal order = Amounts.lenient(text(s.context(), "order.amount"));
        List<String> tags = tags(s.context());
        Map<String, String> gives = new LinkedHashMap<>();
        for (CompensationOffer offer : CompensationOffer.values()) {
            policy.ruleFor(s.category(), order, tags, offer)
                    .ifPresent(r -> gives.put(offer.id(), Amounts.format(r.limit(order))));
        }
        List<String> warnings = new ArrayList<>();
        ScriptVariables.COMPENSATION_ASKED.forEach((offerName, variable) -> {
            BigDecimal asked = Amounts.lenient(text(s.context(), variable));
            if (asked == null) return;
            CompensationOffer offer = Offers.find(offerName);
            CompensationPolicy.Decision d = policy.decide(new CompensationPolicy.Ask(s.category(), order, tags, offer, asked));
            if (!d.allowed()) {
                warnings.add(OVER_LIMIT + ":" + offer.id() + ":" + Amounts.format(asked) + ":"
                        + Amounts.format(d.maxAmount()) + ":" + policy.currency());
            }
        });
        return new Advice(Map.of(ScriptVariables.COMPENSATION, gives), warnings);
    }

    /** The string at a dotted path of the context, or {@code null}. */
    private static String text(Map<String, Object> context, String path) {
        Object node = context;
        for (String key : path.split("\\.")) node = node instanceof Map<?, ?> m ? m.get(key) : null;
        return node instanceof String || node instanceof Number ? node.toString() : null;
    }

    /** {@code customer.tags} as a list, or as one string separated by commas. */
    private static List<String> tags(Map<String, Object> context) {
        Object c = context.get("customer");
        Object t = c instanceof Map<?, ?> m ? m.get("tags") : null;
        if (t instanceof List<?> list) return list.stream().filter(x -> x instanceof String).map(Object::toString).toList();
        if (t instanceof String s) return Arrays.stream(s.split("[,，;；]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        return List.of();
    }
}
