package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.web.FieldError;

/** Finding a {@link CompensationOffer} by its id without an exception, so a parser can name every bad row at once. */
final class Offers {

    private Offers() {
    }

    /** The offer with {@code id} ({@code coupon}, {@code refund}, {@code gift}, {@code shipping}), or null. */
    static CompensationOffer find(String id) {
        for (CompensationOffer o : CompensationOffer.values()) {
            if (o.id().equals(id)) return o;
        }
        return null;
    }

    /** {@code offer} names no offer: the problem of the field {@code offer}. */
    static FieldError problem(String offer) {
        return FieldError.of("offer", GuardrailsError.OFFER, String.join(", ", CompensationOffer.IDS), offer);
    }
}
