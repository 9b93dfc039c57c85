package com.replybook.kb.render;

import java.util.List;
import java.util.Map;

/**
 * Advice a higher feature adds to every reply: values scripts may use and warnings for the agent, computed from
 * the ticket's context, the entry's category and the locale. Supplied by the guardrails feature (what the
 * compensation policy gives this ticket) so that rendering does not depend on it; must be thread-safe and quick
 * (it runs once per render, before the script).
 *
 * <pre>{@code
 * ReplyAdvisor advisor = s -> new ReplyAdvisor.Advice(Map.of("compensation", Map.of("coupon", "5")),
 *         List.of("compensation-over-limit:coupon:10:5:CNY"));
 * }</pre>
 */
@FunctionalInterface
public interface ReplyAdvisor {

    /**
     * What one reply is for.
     *
     * @param locale   the reply's locale tag, e.g. {@code zh-CN}
     * @param category the entry's category, e.g. {@code 物流/延误}; {@code null} when unknown (an unsaved script)
     * @param context  the ticket's values as the request gave them (untrusted, nested maps of strings)
     * @param shop     the key of the shop the reply is written for (checked: it exists and the caller works for it),
     *                 e.g. {@code tmall-flagship}; {@code null} for none
     */
    record Situation(String locale, String category, Map<String, Object> context, String shop) {
    }

    /**
     * @param values   top-level values for the script, e.g. {@code compensation → {coupon → "5"}}; each replaces
     *                 whatever the ticket context had under the same name, so a client cannot supply them
     * @param warnings render warnings {@code <kind>:<detail>}, added after the renderer's own
     */
    record Advice(Map<String, Map<String, String>> values, List<String> warnings) {

        public static final Advice NONE = new Advice(Map.of(), List.of());

        public Advice {
            values = Map.copyOf(values);
            warnings = List.copyOf(warnings);
        }
    }

    Advice advise(Situation situation);

    /** No advice: the renderer alone. */
    ReplyAdvisor NONE = situation -> Advice.NONE;
}
