package com.replybook.kb.search;

import java.util.List;

/**
 * A help-desk ticket to suggest entries for, as the plugin sends it.
 *
 * @param subject  the ticket subject, may be null
 * @param messages oldest first; {@code author} is {@code customer} or {@code agent}
 * @param locale   optional locale filter, e.g. {@code zh-CN}
 * @param limit    hits wanted (default 5)
 * @param prefer   optional: of an entry's locale versions, the one to list ({@link FamilyCollapse}), e.g. {@code zh-CN}
 * @param family   whether to list one hit per family (default true); false lists every locale version
 * @param shop     the key of the shop the ticket came in for (the help-desk's queue or brand); null for none
 */
public record Ticket(String subject, List<Message> messages, String locale, Integer limit, String prefer,
                     Boolean family, String shop) {

    static final int DEFAULT_LIMIT = 5;

    public Ticket {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A ticket of no particular shop searched in the index's order, every locale version a hit of its own. */
    public Ticket(String subject, List<Message> messages, String locale, Integer limit) {
        this(subject, messages, locale, limit, null, null, null);
    }

    Ticket withLimit(int newLimit) {
        return new Ticket(subject, messages, locale, newLimit, prefer, family, shop);
    }

    /** One message of the conversation. */
    public record Message(String author, String text) {

        boolean fromCustomer() {
            return author == null || !author.trim().equalsIgnoreCase("agent");
        }
    }
}
