package com.replybook.kb.events;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /api/v1/events} (any role: the widget reports what agents did) → 201 with the stored event;
 * {@code GET /api/v1/events?type=&entryId=&helpdesk=&ticketId=&source=&since=&until=&limit=} (lead and above) →
 * {@code {"events":[…]}}, newest first. {@code since}/{@code until} are ISO-8601 instants.
 */
public final class EventServlet extends JsonServlet {

    private final EventStore store;

    public EventServlet(EventStore store) {
        this.store = store;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal p = Principal.of(req).require(Role.AGENT);
        writeJson(resp, 201, store.record(EventParser.parse(readObject(req), p.username())));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal.of(req).require(Role.LEAD);
        String type = req.getParameter("type");
        EventType t = EventType.fromWire(type);
        if (type != null && t == null) throw ApiException.badRequest("type", "type must be search, view or insert");
        EventQuery q = new EventQuery(t, req.getParameter("entryId"), req.getParameter("helpdesk"),
                req.getParameter("ticketId"), req.getParameter("source"), instant(req, "since"), instant(req, "until"),
                intParam(req, "limit", 100, 1, 1000));
        writeJson(resp, 200, Map.of("events", store.find(q)));
    }

    private static Instant instant(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
