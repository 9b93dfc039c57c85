package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The help-desks Replybook works inside, as requests name them ({@code helpdesk}); each knows what its ticket ids
 * look like, so a follow-up or a case cannot name a ticket that could not exist there.
 */
public enum HelpDesk implements Term {
    /** Request Tracker 5: tickets are numbered, e.g. {@code 1042}. */
    RT("Request Tracker"),
    /** Zendesk: tickets are numbered, e.g. {@code 4711}. */
    ZENDESK("Zendesk");

    /** Every help-desk's id, in order: {@code [rt, zendesk]}. */
    public static final List<String> IDS = Term.ids(HelpDesk.class);

    /** Both number their tickets from 1; eighteen digits keep any id inside a signed 64-bit number. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    private final String label;

    HelpDesk(String label) {
        this.label = label;
    }

    @Override
    @JsonValue
    public String id() {
        return Term.idOf(this);
    }

    /** True when {@code ticketId} is a ticket id this help-desk could have issued, e.g. {@code "1042"}. */
    public boolean isTicketId(String ticketId) {
        return ticketId != null && TICKET_NUMBER.matcher(ticketId).matches();
    }

    /** What {@link #isTicketId} accepts, for error messages. */
    public String ticketIdRule() {
        return "a " + label + " ticket number such as 1042";
    }

    /**
     * Checks a ticket named in a request as {@code helpdesk} and {@code ticketId}: both required, the help-desk one of
     * {@link #IDS} and the id one it could have issued. Each problem goes to {@code problem} as (field, message), e.g.
     * ({@code "ticketId"}, "ticketId must be a Request Tracker ticket number such as 1042, was 'abc'").
     *
     * @return the help-desk, or null when it is missing or unknown
     */
    public static HelpDesk checkTicket(String helpdesk, String ticketId, BiConsumer<String, String> problem) {
        HelpDesk desk = null;
        if (helpdesk == null || helpdesk.isBlank()) {
            problem.accept("helpdesk", "helpdesk is required: one of " + String.join(", ", IDS));
        } else {
            try {
                desk = parse("helpdesk", helpdesk);
            } catch (UnknownTermException e) {
                problem.accept("helpdesk", e.getMessage());
            }
        }
        if (ticketId == null || ticketId.isBlank()) {
            problem.accept("ticketId", "ticketId is required: the help-desk's ticket number, e.g. 1042");
        } else if (desk != null && !desk.isTicketId(ticketId)) {
            String shown = ticketId.length() > 40 ? ticketId.substring(0, 40) + "…" : ticketId;
            problem.accept("ticketId", "ticketId must be " + desk.ticketIdRule() + ", was '" + shown + "'");
        }
        return desk;
    }

    /** Parses a request value; null when blank. Throws naming {@code field} when unknown. */
    public static HelpDesk parse(String field, String value) {
        return Term.parse(HelpDesk.class, field, value, null);
    }
}
