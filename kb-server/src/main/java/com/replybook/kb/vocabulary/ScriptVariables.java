package com.replybook.kb.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ticket values scripts can use, e.g. {@code ${order.id}}: what the renderer fills, the editor offers and the
 * widget collects from the help-desk. Scripts may use other values a context supplies; these are the documented
 * ones.
 */
public final class ScriptVariables {

    /** Every documented variable, in the order the editor lists them. */
    public static final List<String> ALL = List.of(
            "customer.name", "order.id", "order.amount", "order.date", "product.name", "tracking.no",
            "tracking.carrier", "agent.name", "agent.id", "shop.name", "ticket.id", "refund.amount",
            "coupon.amount", "compensation.coupon", "compensation.refund", "compensation.gift",
            "compensation.shipping");
    /** The first parts of the variables: a script may test {@code order??} before any value is known. */
    public static final Set<String> ROOTS = Set.of(
            "customer", "order", "product", "tracking", "agent", "shop", "ticket", "refund", "coupon", "compensation");
    /**
     * The compensation the shop's policy gives the ticket, by offer ({@code compensation.coupon} is the largest
     * coupon the agent may grant without asking): filled by the guardrails feature, never by the ticket.
     */
    public static final String COMPENSATION = "compensation";
    /** The ticket values that ask for compensation, by offer: {@code coupon.amount} is a coupon's value. */
    public static final Map<String, String> COMPENSATION_ASKED = Map.of("coupon", "coupon.amount");
    /** What a public review reply may show; every other value is personal data there. */
    public static final Set<String> PUBLIC = Set.of(
            "product.name", "shop.name", "agent.name", "agent.id", "tracking.carrier");

    /**
     * The variables with a natural stand-in word ({@code templates/variables/*.properties}: {@code fallback.*}, e.g.
     * {@code tracking.carrier} → 快递公司): an entry may accept it for a missing value (its {@code acceptedFallbacks});
     * otherwise the agent is asked for the value.
     */
    public static final Set<String> WITH_FALLBACK = Set.of(
            "customer.name", "product.name", "tracking.carrier", "agent.name", "shop.name");

    private ScriptVariables() {
    }
}
