package com.replybook.kb.search;

import java.util.List;

/**
 * Told the customer's own words of every ticket that asks for suggestions ({@code POST /api/v1/search/ticket}):
 * the subject and the customer's messages, as the help-desk sent them (agents' messages are left out). Analytics
 * implements it to count emotion words; the composition root passes it in. An implementation must not keep the
 * text. Whatever it throws is logged and the search goes on: suggestions never wait on insights.
 */
@FunctionalInterface
public interface CustomerTextListener {

    /** Hears nothing. */
    CustomerTextListener NONE = texts -> { };

    /** The customer's texts of one ticket, e.g. {@code ["快递三天没动了", "太慢了，很失望"]}. */
    void heard(List<String> texts);

    /** The customer's texts of one ticket of shop {@code shop} (null: of no particular shop). */
    default void heard(List<String> texts, String shop) {
        heard(texts);
    }
}
