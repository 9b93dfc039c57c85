package com.replybook.kb.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a posted event body into a {@link UsageEvent}, naming every bad field at once (422).
 * {@code type} is required; {@code view} and {@code insert} also need {@code entryId}, and {@code insert}
 * its {@code entryVersion}, so analytics can tell which text was used.
 */
final class EventParser {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]{0,19}");

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
        if (type == null) errors.add(new FieldError("type", "type must be search, view or insert"));
        String entryId = text("entryId", 40);
        Long version = body.hasNonNull("entryVersion") ? longValue("entryVersion") : null;
        if (type != null && type != EventType.SEARCH && entryId == null) {
            errors.add(new FieldError("entryId", type.wire() + " events must name the entry (entryId)"));
        }
        if (type == EventType.INSERT && version == null) {
            errors.add(new FieldError("entryVersion", "insert events must name the entry version that was inserted"));
        }
        Integer hits = body.hasNonNull("hits") ? (int) Math.min(Integer.MAX_VALUE, longValue("hits")) : null;
        UsageEvent e = new UsageEvent(null, type, entryId, version, word("tone"), word("channel"), word("emotion"),
                word("helpdesk"), text("ticketId", 100), text("query", 500), source(), hits, text("agent", 200), user, null);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return e;
    }

    private String source() {
        String s = word("source");
        if (s != null && !s.equals("ticket") && !s.equals("typed")) {
            errors.add(new FieldError("source", "source must be 'ticket' or 'typed', was '" + s + "'"));
        }
        return s;
    }

    private String text(String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isValueNode()) {
            errors.add(new FieldError(field, field + " must be a string"));
            return null;
        }
        String s = n.asText().strip();
        if (s.length() > max) errors.add(new FieldError(field, field + " is longer than " + max + " characters"));
        return s.isEmpty() ? null : s;
    }

    private String word(String field) {
        String s = text(field, 20);
        if (s != null && !WORD.matcher(s).matches()) {
            errors.add(new FieldError(field, field + " must be a lower-case word such as 'formal' or 'email', was '" + s + "'"));
        }
        return s;
    }

    private long longValue(String field) {
        JsonNode n = body.get(field);
        if (!n.canConvertToLong() || n.asLong() < 0) {
            errors.add(new FieldError(field, field + " must be a non-negative whole number"));
            return 0;
        }
        return n.asLong();
    }
}
