package com.replybook.kb.followups;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A follow-up an agent promised on a ticket. Immutable.
 * Example: RT ticket {@code 1042}, due {@code 2026-12-08T09:00:00Z}, note "回电确认补发单号", entry {@code 3f2c…},
 * open, recorded by RT agent {@code alice} through the token of kb-server user {@code helpdesk}.
 *
 * @param user  the kb-server user whose token recorded it
 * @param agent the help-desk's name for the agent (a help-desk bridge acts for many), else the user again
 * @param shop  the shop of the ticket (issue 20), e.g. {@code tmall-flagship}; null for every shop's. A user limited
 *              to shops sees only their shops' follow-ups and those of no shop.
 */
record FollowUp(String id, String helpdesk, String ticketId, Instant dueAt, String note, String entryId,
                Status status, String user, String agent, Instant createdAt, Instant doneAt, String doneBy,
                String shop) {

    /** Open until the agent (or a lead) marks it done. Wire form {@code open}, {@code done}. */
    enum Status {
        OPEN, DONE;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status fromWire(String s) {
            for (Status v : values()) if (v.wire().equals(s)) return v;
            return null;
        }
    }

    boolean overdue(Instant now) {
        return status == Status.OPEN && dueAt.isBefore(now);
    }

    FollowUp done(Instant at, String by) {
        return new FollowUp(id, helpdesk, ticketId, dueAt, note, entryId, Status.DONE, user, agent, createdAt, at, by,
                shop);
    }

    /** The wire form, with {@code overdue} as of {@code now}. */
    Map<String, Object> toJson(Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status.wire());
        out.put("helpdesk", helpdesk);
        out.put("ticketId", ticketId);
        out.put("dueAt", dueAt);
        out.put("overdue", overdue(now));
        out.put("note", note);
        out.put("entryId", entryId);
        out.put("agent", agent);
        out.put("user", user);
        out.put("createdAt", createdAt);
        out.put("doneAt", doneAt);
        out.put("doneBy", doneBy);
        out.put("shop", shop);
        return out;
    }
}
