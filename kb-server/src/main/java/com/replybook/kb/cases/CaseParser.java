package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.HelpDesk;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns case JSON (API, JSON import, the console form) into a {@link CaseDraft}, collecting every problem as a
 * {@link FieldError}. The excerpt comes as {@code excerptHtml} or {@code excerptText}; both are cleaned and
 * masked, and so are the other free-text fields: capture is where personal data is stopped. A capture from the
 * ticket view names its ticket ({@code helpdesk} and {@code ticketId}, both or neither) and may name the agent;
 * {@code source} then defaults to {@code <helpdesk>:<ticketId>}. {@code shop} is read as given: whoever stores the
 * draft checks it against the known shops and the writer's ({@link com.replybook.kb.entries.KnownShops}). Thread-safe.
 */
public final class CaseParser {

    static final int MAX_EXCERPT = 100_000;
    static final int MAX_TEXT = 4_000;
    private static final Pattern ENTRY_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Set<String> KNOWN = Set.of("id", "title", "excerptHtml", "excerptText", "agentDid",
            "whyItWorked", "outcome", "tags", "entryKeys", "rating", "source", "createdAt", "createdBy",
            "updatedAt", "updatedBy", "helpdesk", "ticketId", "agent", "shop");

    private final ExcerptSanitizer sanitizer;

    public CaseParser(ExcerptSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** A draft when {@code errors} is empty. */
    public record Result(CaseDraft draft, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result parse(JsonNode json) {
        if (json == null || !json.isObject()) return new Result(null, List.of(FieldError.of(null, CaseError.NOT_OBJECT)));
        List<FieldError> errors = new ArrayList<>();
        json.fieldNames().forEachRemaining(n -> {
            if (!KNOWN.contains(n)) errors.add(FieldError.of(n, InputError.UNKNOWN_FIELD, n));
        });
        String title = JsonFields.text(json, "title", 300, true, errors);
        String html = JsonFields.text(json, "excerptHtml", MAX_EXCERPT, false, errors);
        String plain = JsonFields.text(json, "excerptText", MAX_EXCERPT, false, errors);
        if ((html == null || html.isBlank()) && (plain == null || plain.isBlank())) {
            errors.add(FieldError.of("excerptHtml", CaseError.EXCERPT_REQUIRED));
        }
        String agentDid = JsonFields.text(json, "agentDid", MAX_TEXT, false, errors);
        String why = JsonFields.text(json, "whyItWorked", MAX_TEXT, false, errors);
        String outcome = JsonFields.text(json, "outcome", MAX_TEXT, false, errors);
        List<String> tags = JsonFields.strings(json, "tags", 50, 50, errors);
        List<String> keys = JsonFields.strings(json, "entryKeys", 50, 128, errors);
        for (String k : keys) {
            if (!ENTRY_KEY.matcher(k).matches()) errors.add(FieldError.of("entryKeys", CaseError.ENTRY_KEY, k));
        }
        int rating = rating(json, errors);
        String source = JsonFields.text(json, "source", 300, false, errors);
        Ticket ticket = ticket(json, errors);
        String shop = JsonFields.text(json, "shop", 64, false, errors);
        if (!errors.isEmpty()) return new Result(null, List.copyOf(errors));
        String excerpt = html != null && !html.isBlank() ? sanitizer.fromHtml(html) : sanitizer.fromText(plain);
        if ((source == null || source.isEmpty()) && ticket.helpdesk() != null) source = ticket.helpdesk() + ":" + ticket.id();
        return new Result(new CaseDraft(mask(title), excerpt, mask(agentDid), mask(why), mask(outcome),
                tags, keys, rating, source, ticket.helpdesk(), ticket.id(), ticket.agent(),
                shop == null || shop.isEmpty() ? null : shop), List.of());
    }

    /** The ticket a capture from the ticket view names; all null for a case written elsewhere. */
    private record Ticket(String helpdesk, String id, String agent) {
    }

    private static Ticket ticket(JsonNode json, List<FieldError> errors) {
        String agent = JsonFields.text(json, "agent", 200, false, errors);
        agent = agent == null || agent.isEmpty() ? null : agent;
        JsonNode id = json.get("ticketId");
        String ticketId = id != null && id.isIntegralNumber() ? id.asText() : JsonFields.text(json, "ticketId", 100, false, errors);
        String helpdesk = JsonFields.text(json, "helpdesk", 40, false, errors);
        if ((ticketId == null || ticketId.isEmpty()) && (helpdesk == null || helpdesk.isEmpty())) return new Ticket(null, null, agent);
        HelpDesk desk = HelpDesk.checkTicket(helpdesk, ticketId, InputError.ticketProblems(helpdesk, ticketId, errors));
        return new Ticket(desk == null ? null : desk.id(), ticketId, agent);
    }

    private static String mask(String s) {
        return s == null ? "" : PersonalDataMasker.mask(s);
    }

    private static int rating(JsonNode json, List<FieldError> errors) {
        JsonNode n = json.get("rating");
        if (n == null || n.isNull()) return 0;
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 5) {
            errors.add(FieldError.of("rating", CaseError.RATING));
            return 0;
        }
        return n.asInt();
    }
}
