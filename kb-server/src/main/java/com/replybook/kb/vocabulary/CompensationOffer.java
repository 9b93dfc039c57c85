package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * What an agent may give a customer to make up for a problem (the guides' compensation tiers): recorded on insert
 * events and totalled in the insights.
 */
public enum CompensationOffer implements Term {
    /** A no-threshold coupon for the next order, e.g. ¥10. */
    COUPON,
    /** Money back on this order, in part or in full. */
    REFUND,
    /** A small gift sent with a reshipment or the next order. */
    GIFT,
    /** Shipping paid by the shop: free return or reshipment, an upgrade to express. */
    SHIPPING;

    /** Every offer's id, in order: {@code [coupon, refund, gift, shipping]}. */
    public static final List<String> IDS = Term.ids(CompensationOffer.class);

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** Parses a request value; null when blank. Throws naming {@code field} when unknown. */
    public static CompensationOffer parse(String field, String value) {
        return Term.parse(CompensationOffer.class, field, value, null);
    }
}
