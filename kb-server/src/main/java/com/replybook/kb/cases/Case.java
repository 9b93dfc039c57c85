package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;

import java.time.Instant;
import java.util.List;

/**
 * A handled conversation worth learning from. Immutable.
 *
 * @param excerptHtml the conversation, cleaned HTML with personal data masked, e.g. {@code <p>客户：包裹三天没动…</p>}
 * @param agentDid    what the agent did
 * @param whyItWorked why it worked, for trainees
 * @param outcome     e.g. "customer kept the order, 5-star review"
 * @param entryKeys   keys of linked entries, e.g. {@code logistics-delay.zh-cn}
 * @param rating      1 to 5, or 0 when not rated yet
 * @param source      where it was captured from, e.g. {@code rt:1042} or {@code zendesk:88}
 * @param helpdesk    the help-desk of the ticket it was captured from in the ticket view, e.g. {@code rt}; else null
 * @param ticketId    that ticket, e.g. {@code 1042}; else null
 * @param agent       the help-desk's name for the agent who captured it there, e.g. {@code alice}; else null
 * @param shop        the shop it belongs to (issue 20), e.g. {@code tmall-flagship}; null for every shop's. A reader
 *                    limited to shops reads only their shops' cases and those of no shop.
 */
public record Case(String id, String title, String excerptHtml, String agentDid, String whyItWorked,
                   String outcome, List<String> tags, List<String> entryKeys, int rating, String source,
                   Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                   String helpdesk, String ticketId, String agent, String shop) {

    public Case {
        tags = List.copyOf(tags == null ? List.of() : tags);
        entryKeys = List.copyOf(entryKeys == null ? List.of() : entryKeys);
    }

    /** A case of no shop (every shop's). */
    public Case(String id, String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                List<String> tags, List<String> entryKeys, int rating, String source, Instant createdAt,
                String createdBy, Instant updatedAt, String updatedBy, String helpdesk, String ticketId, String agent) {
        this(id, title, excerptHtml, agentDid, whyItWorked, outcome, tags, entryKeys, rating, source, createdAt,
                createdBy, updatedAt, updatedBy, helpdesk, ticketId, agent, null);
    }

    /** A case that did not come from a ticket view (the console, an import). */
    public Case(String id, String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                List<String> tags, List<String> entryKeys, int rating, String source, Instant createdAt,
                String createdBy, Instant updatedAt, String updatedBy) {
        this(id, title, excerptHtml, agentDid, whyItWorked, outcome, tags, entryKeys, rating, source, createdAt,
                createdBy, updatedAt, updatedBy, null, null, null, null);
    }

    /** True when {@code reader} may read this case: of no shop, or of a shop they work for. */
    public boolean readableBy(Principal reader) {
        return reader.mayReadShop(shop);
    }
}
