package com.replybook.kb.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.replybook.kb.vocabulary.CompensationOffer;

import java.math.BigDecimal;

/**
 * Compensation given with an insert (or asked for in an approval), e.g. {@code {"offer":"coupon","amount":"10.00",
 * "approvalId":"ap-7"}}. The amount is in the shop's currency with at most two decimals, kept exact as minor units
 * (cents, fen) so totals never round. Immutable.
 *
 * @param offer      what was given
 * @param amount     normalised to two decimals, e.g. {@code "10.00"}
 * @param approvalId the lead's approval when the amount was above the agent's authority; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Compensation(CompensationOffer offer, String amount, String approvalId) {

    /** The largest amount accepted: more is a typo, not a compensation. */
    static final BigDecimal MAX = new BigDecimal("100000000");

    /** The amount in minor units, e.g. {@code "10.50"} → 1050. */
    @JsonIgnore
    public long minorUnits() {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    /** The decimal string of {@code minor} units, e.g. 1050 → {@code "10.50"}. */
    public static String amountOf(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
