package com.replybook.kb.search;

import java.util.List;

/**
 * A help-desk ticket to suggest entries for, as the plugin sends it.
 *
 * @param subject  the ticket subject, may be null
 * @param messages oldest first; {@code author} is {@code customer} or {@code agent}
 * @param locale   optional locale filter, e.g. {@code zh-CN}
 * @param limit    hits wanted (default 5)
 */
public record Ticket(String subject, List<Message> messages, String locale, Integer limit) {

    public Ticket {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** One message of the conversation. */
    public record Message(String author, String text) {

        boolean fromCustomer() {
            return author == null || !author.trim().equalsIgnoreCase("agent");
        }
    }
}
