package com.replybook.kb.followups;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.HelpDesk;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonFields;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A follow-up as {@code POST /api/v1/followups} sends it, {@code {"ticketId","helpdesk","dueAt","note","entryId"}}
 * (plus {@code agent} from a help-desk bridge, and {@code shop}, which {@link FollowUpApi} checks against the known
 * shops before this reads the rest), read with every problem named at once: the help-desk one Replybook
 * knows and a ticket number it could have issued, a due time that is neither past nor further than
 * {@link #HORIZON} ahead, a note of at most {@link #MAX_NOTE} characters.
 */
record FollowUpRequest(HelpDesk helpdesk, String ticketId, Instant dueAt, String note, String entryRef, String agent) {

    static final int MAX_NOTE = 1_000;
    static final int MAX_AGENT = 200;
    /** The furthest a promise may reach: beyond half a year it is a typo or a plan, not an after-sales promise. */
    static final Duration HORIZON = Duration.ofDays(180);
    /** Clocks of help-desk and server differ a little; a due time this far in the past is still "now". */
    static final Duration SKEW = Duration.ofMinutes(2);
    private static final Set<String> KNOWN = Set.of("ticketId", "helpdesk", "dueAt", "note", "entryId", "agent", "shop");

    /** The request, or the problems (then {@code request} is null). */
    record Parsed(FollowUpRequest request, List<FieldError> errors) {
    }

    static Parsed parse(JsonNode body, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (!KNOWN.contains(n)) errors.add(FieldError.of(n, FollowUpError.UNKNOWN_FIELD, n, String.join(", ", KNOWN)));
        });
        String ticketId = scalar(body, "ticketId", errors);
        String helpdesk = JsonFields.text(body, "helpdesk", 40, false, errors);
        HelpDesk desk = HelpDesk.checkTicket(helpdesk, ticketId, InputError.ticketProblems(helpdesk, ticketId, errors));
        Instant due = due(JsonFields.text(body, "dueAt", 60, false, errors), now, errors);
        String note = JsonFields.text(body, "note", MAX_NOTE, false, errors);
        String entry = JsonFields.text(body, "entryId", 200, false, errors);
        String agent = JsonFields.text(body, "agent", MAX_AGENT, false, errors);
        if (!errors.isEmpty()) return new Parsed(null, List.copyOf(errors));
        return new Parsed(new FollowUpRequest(desk, ticketId, due, note == null ? "" : note,
                entry == null || entry.isEmpty() ? null : entry, agent == null || agent.isEmpty() ? null : agent), List.of());
    }

    /** A ticket id may come as a number ({@code 1042}) or a string ({@code "1042"}). */
    private static String scalar(JsonNode body, String field, List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (n.isIntegralNumber()) return n.asText();
        return JsonFields.text(body, field, 100, false, errors);
    }

    private static Instant due(String text, Instant now, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            errors.add(FieldError.of("dueAt", FollowUpError.DUE_REQUIRED));
            return null;
        }
        Instant due;
        try {
            due = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("dueAt", FollowUpError.DUE_FORMAT));
            return null;
        }
        if (due.isBefore(now.minus(SKEW))) {
            errors.add(FieldError.of("dueAt", FollowUpError.DUE_PAST, due));
        } else if (due.isAfter(now.plus(HORIZON))) {
            errors.add(FieldError.of("dueAt", FollowUpError.DUE_TOO_FAR, HORIZON.toDays(), due));
        }
        return due;
    }
}
