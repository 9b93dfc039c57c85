package com.replybook.kb.events;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/events} (any role: the widget reports what agents did) → 201 with the stored event;
 * {@code GET /api/v1/events?type=&entryId=&helpdesk=&ticketId=&source=&since=&until=&limit=} (lead and above) →
 * {@code {"events":[…]}}, newest first. {@code since}/{@code until} are ISO-8601 instants.
 */
final class EventApi {

    private final EventStore store;

    EventApi(EventStore store) {
        this.store = store;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/events", this::record).get("/api/v1/events", this::find);
    }

    private void record(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        call.json(201, store.record(EventParser.parse(call.readObject(), p.username())));
    }

    private void find(ApiCall call) throws IOException {
        Principal.of(call).require(Role.LEAD);
        String type = call.request().getParameter("type");
        EventType t = EventType.fromWire(type);
        if (type != null && t == null) throw ApiException.badRequest("type", EventType.expected());
        EventQuery q = new EventQuery(t, call.request().getParameter("entryId"), call.request().getParameter("helpdesk"),
                call.request().getParameter("ticketId"), call.request().getParameter("source"),
                call.instantQuery("since"), call.instantQuery("until"), call.intQuery("limit", 100, 1, 1000));
        call.json(200, Map.of("events", store.find(q)));
    }
}
