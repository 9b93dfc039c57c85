package com.replybook.kb.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a posted event body into a {@link UsageEvent}, naming every bad field at once (422).
 * {@code type} is required; {@code view} and {@code insert} also need {@code entryId}, and {@code insert}
 * its {@code entryVersion}, so analytics can tell which text was used. {@code outcome} events need
 * {@code helpdesk}, {@code ticketId} and {@code outcome} (analytics joins them to the ticket's inserts);
 * {@code approval} events need {@code approval} and a {@code compensation} naming its {@code approvalId}.
 * A search suggested from the ticket ({@code source = ticket}) keeps no query: that text is the customer's.
 * A search may say whether it was {@code confident}; an insert which of the entry's {@code actions} the agent ticked.
 */
final class EventParser {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]{0,19}");
    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION = 500;
    private static final int MAX_SCORE = 100;

    private final List<FieldError> errors = new ArrayList<>();
    private final JsonNode body;

    private EventParser(JsonNode body) {
        this.body = body;
    }

    static UsageEvent parse(JsonNode body, String user) {
        return new EventParser(body).build(user);
    }

    private UsageEvent build(String user) {
        EventType type = EventType.fromWire(text("type", 10));
        if (type == null) errors.add(FieldError.of("type", EventError.TYPE, String.join(", ", EventType.WIRE)));
        String entryId = text("entryId", 40);
        Long version = body.hasNonNull("entryVersion") ? longValue("entryVersion") : null;
        if ((type == EventType.VIEW || type == EventType.INSERT) && entryId == null) {
            errors.add(FieldError.of("entryId", EventError.ENTRY_REQUIRED, type.wire()));
        }
        if (type == EventType.INSERT && version == null) {
            errors.add(FieldError.of("entryVersion", EventError.VERSION_REQUIRED));
        }
        Integer hits = body.hasNonNull("hits") ? (int) Math.min(Integer.MAX_VALUE, longValue("hits")) : null;
        String helpdesk = word("helpdesk");
        String ticketId = text("ticketId", 100);
        String source = source();
        String query = "ticket".equals(source) ? null : text("query", 500);
        UsageEvent e = new UsageEvent(null, type, entryId, version, word("tone"), word("channel"), word("emotion"),
                helpdesk, ticketId, query, source, hits, confident(), actions(), text("agent", 200), text("product", 200),
                outcome(type, helpdesk, ticketId), score(type), compensation(type), approval(type), user, null);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return e;
    }

    private Boolean confident() {
        JsonNode n = body.get("confident");
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) errors.add(FieldError.of("confident", InputError.NOT_BOOLEAN, "confident"));
        return n.isBoolean() ? n.asBoolean() : null;
    }

    /** The ticked actions: at most as many as an entry may have, each as long as an entry's action may be. */
    private List<String> actions() {
        if (!body.hasNonNull("actions")) return null;
        return JsonFields.strings(body, "actions", MAX_ACTIONS, MAX_ACTION, errors);
    }

    private TicketOutcome outcome(EventType type, String helpdesk, String ticketId) {
        TicketOutcome outcome = term(TicketOutcome.class, "outcome");
        if (type == EventType.OUTCOME) {
            if (outcome == null) errors.add(FieldError.of("outcome", EventError.OUTCOME_REQUIRED,
                    String.join(", ", TicketOutcome.IDS)));
            if (helpdesk == null) errors.add(FieldError.of("helpdesk", EventError.HELPDESK_REQUIRED));
            if (ticketId == null) errors.add(FieldError.of("ticketId", EventError.TICKET_REQUIRED));
        } else {
            onlyFor(type, "outcome", EventType.OUTCOME);
        }
        return outcome;
    }

    private Integer score(EventType type) {
        if (!body.hasNonNull("score")) return null;
        onlyFor(type, "score", EventType.OUTCOME);
        long score = longValue("score");
        if (score > MAX_SCORE) errors.add(FieldError.of("score", EventError.SCORE, MAX_SCORE));
        return (int) Math.min(score, MAX_SCORE);
    }

    private ApprovalStep approval(EventType type) {
        ApprovalStep step = term(ApprovalStep.class, "approval");
        if (type == EventType.APPROVAL && step == null) {
            errors.add(FieldError.of("approval", EventError.APPROVAL_REQUIRED, String.join(", ", ApprovalStep.IDS)));
        } else if (type != EventType.APPROVAL) {
            onlyFor(type, "approval", EventType.APPROVAL);
        }
        return step;
    }

    private Compensation compensation(EventType type) {
        JsonNode c = body.get("compensation");
        if (c == null || c.isNull()) {
            if (type == EventType.APPROVAL) errors.add(FieldError.of("compensation", EventError.COMPENSATION_REQUIRED));
            return null;
        }
        if (type != EventType.INSERT && type != EventType.APPROVAL) {
            errors.add(FieldError.of("compensation", EventError.COMPENSATION_NOT_HERE));
            return null;
        }
        if (!c.isObject()) {
            errors.add(FieldError.of("compensation", EventError.COMPENSATION_SHAPE));
            return null;
        }
        CompensationOffer offer = offer(c);
        String amount = amount(c);
        String approvalId = nested(c, "approvalId", 100);
        if (type == EventType.APPROVAL && approvalId == null) {
            errors.add(FieldError.of("compensation.approvalId", EventError.APPROVAL_ID_REQUIRED));
        }
        return offer == null || amount == null ? null : new Compensation(offer, amount, approvalId);
    }

    private CompensationOffer offer(JsonNode c) {
        String value = nested(c, "offer", 20);
        if (value == null) {
            errors.add(FieldError.of("compensation.offer", EventError.OFFER, String.join(", ", CompensationOffer.IDS)));
            return null;
        }
        try {
            return CompensationOffer.parse("compensation.offer", value);
        } catch (UnknownTermException ex) {
            errors.add(InputError.unknownTerm(ex.field(), ex.getMessage()));
            return null;
        }
    }

    /** A decimal string such as {@code "10"} or {@code "10.5"}, normalised to {@code "10.50"}; at most two decimals. */
    private String amount(JsonNode c) {
        String value = nested(c, "amount", 20);
        BigDecimal amount = null;
        try {
            if (value != null && value.matches("\\d+(\\.\\d{1,2})?")) amount = new BigDecimal(value);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (amount == null || amount.compareTo(Compensation.MAX) > 0) {
            errors.add(FieldError.of("compensation.amount", EventError.AMOUNT, Compensation.MAX.toPlainString()));
            return null;
        }
        return amount.setScale(2).toPlainString();
    }

    private String nested(JsonNode c, String field, int max) {
        JsonNode n = c.get(field);
        if (n == null || n.isNull()) return null;
        String s = n.isValueNode() ? n.asText().strip() : "";
        if (!n.isValueNode() || s.length() > max) {
            errors.add(FieldError.of("compensation." + field, EventError.NESTED_TEXT, "compensation." + field, max));
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    private void onlyFor(EventType type, String field, EventType allowed) {
        if (type != null && type != allowed && body.hasNonNull(field)) {
            errors.add(FieldError.of(field, EventError.ONLY_FOR, field, allowed.wire()));
        }
    }

    private <E extends Enum<E> & Term> E term(Class<E> type, String field) {
        try {
            return Term.parse(type, field, text(field, 20), null);
        } catch (UnknownTermException ex) {
            errors.add(InputError.unknownTerm(field, ex.getMessage()));
            return null;
        }
    }

    private String source() {
        String s = word("source");
        if (s != null && !s.equals("ticket") && !s.equals("typed")) {
            errors.add(FieldError.of("source", EventError.SOURCE, s));
        }
        return s;
    }

    private String text(String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isValueNode()) {
            errors.add(FieldError.of(field, InputError.NOT_STRING, field));
            return null;
        }
        String s = n.asText().strip();
        if (s.length() > max) errors.add(FieldError.of(field, InputError.TOO_LONG, field, max));
        return s.isEmpty() ? null : s;
    }

    private String word(String field) {
        String s = text(field, 20);
        if (s != null && !WORD.matcher(s).matches()) {
            errors.add(FieldError.of(field, EventError.WORD, field, s));
        }
        return s;
    }

    private long longValue(String field) {
        JsonNode n = body.get(field);
        if (!n.canConvertToLong() || n.asLong() < 0) {
            errors.add(FieldError.of(field, EventError.NOT_NEGATIVE, field));
            return 0;
        }
        return n.asLong();
    }
}
