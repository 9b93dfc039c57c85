package com.replybook.kb.guardrails.approvals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request for compensation above the policy, e.g. agent {@code rt-bridge} (RT user {@code alice}) asks for a
 * ¥10 coupon on ticket 1024, a ¥80 delayed order, where the policy gives ¥5; lead {@code li} approves it with a
 * note. Immutable.
 *
 * @param policyMax   what the policy allowed when it was asked, a decimal string
 * @param requestedBy the kb-server user whose token asked
 * @param agent       the help-desk's own name for the agent, as the integration reports it; may be {@code null}
 * @param shop        the key of the ticket's shop, whose policy gave {@code policyMax} and whose leads decide; null
 *                    when the ticket named none
 */
public record Approval(String id, Status status, String ticketId, String helpdesk, String locale, String category,
                       String orderAmount, List<String> customerTags, String offer, String amount, String currency,
                       String policyMax, String reason, String entryId, String requestedBy, String agent,
                       Instant requestedAt, String decidedBy, Instant decidedAt, String note, String shop) {

    public Approval {
        customerTags = List.copyOf(customerTags);
    }

    /** The states of an approval: one decision moves it from pending, and nothing moves it back. */
    public enum Status {
        PENDING, APPROVED, REJECTED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status fromWire(String s) {
            for (Status v : values()) {
                if (v.wire().equals(s)) return v;
            }
            return null;
        }
    }

    /** The approval as the API writes it. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status.wire());
        out.put("ticketId", ticketId);
        out.put("helpdesk", helpdesk);
        out.put("locale", locale);
        out.put("category", category);
        out.put("orderAmount", orderAmount);
        out.put("customerTags", customerTags);
        out.put("offer", offer);
        out.put("amount", amount);
        out.put("currency", currency);
        out.put("policyMax", policyMax);
        out.put("reason", reason);
        out.put("entryId", entryId);
        out.put("requestedBy", requestedBy);
        out.put("agent", agent);
        out.put("requestedAt", requestedAt);
        out.put("decidedBy", decidedBy);
        out.put("decidedAt", decidedAt);
        out.put("note", note);
        out.put("shop", shop);
        return out;
    }
}
