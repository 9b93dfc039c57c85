package com.replybook.kb.cases;

import java.util.List;

/**
 * The fields of a case a writer supplies, validated, sanitised and masked by {@link CaseParser}; {@code helpdesk},
 * {@code ticketId} and {@code agent} name the ticket and agent of a capture from the ticket view (else null);
 * {@code shop} the shop the case belongs to (null: every shop's), checked by the caller against the known shops.
 */
public record CaseDraft(String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                        List<String> tags, List<String> entryKeys, int rating, String source,
                        String helpdesk, String ticketId, String agent, String shop) {

    /** A draft of no shop. */
    public CaseDraft(String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                     List<String> tags, List<String> entryKeys, int rating, String source,
                     String helpdesk, String ticketId, String agent) {
        this(title, excerptHtml, agentDid, whyItWorked, outcome, tags, entryKeys, rating, source, helpdesk, ticketId,
                agent, null);
    }

    /** A draft that does not come from a ticket view. */
    public CaseDraft(String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                     List<String> tags, List<String> entryKeys, int rating, String source) {
        this(title, excerptHtml, agentDid, whyItWorked, outcome, tags, entryKeys, rating, source, null, null, null, null);
    }

    /** This draft in {@code other} shop (null: every shop's). */
    public CaseDraft inShop(String other) {
        return new CaseDraft(title, excerptHtml, agentDid, whyItWorked, outcome, tags, entryKeys, rating, source,
                helpdesk, ticketId, agent, other);
    }
}
