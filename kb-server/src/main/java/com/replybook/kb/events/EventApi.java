package com.replybook.kb.events;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events} (any role: the widget reports what agents did) → 201 with the stored event, whose
 * {@code entryId} (an id or a key) must name an entry the caller may read, at a version it has had (422 naming the
 * field otherwise: analytics must not count entries that do not exist); the event stores the entry's id;
 * {@code GET /api/v1/events?type=&entryId=&helpdesk=&ticketId=&source=&since=&until=&limit=} (lead and above) →
 * {@code {"events":[…]}}, newest first. {@code since}/{@code until} are ISO-8601 instants.
 */
final class EventApi {

    private final EventStore store;
    private final EntryStore entries;
    private final KnownShops shops;

    EventApi(EventStore store, EntryStore entries, KnownShops shops) {
        this.store = store;
        this.entries = entries;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/events", this::record).get("/api/v1/events", this::find);
    }

    /**
     * Records an event in the {@code shop} it names (checked: it exists and the caller works for it), or, when it names
     * none, in the caller's one shop if they work for exactly one.
     */
    private void record(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        JsonNode body = call.readObject();
        String key = shops.recordedIn(p, KnownShops.named(body), "shop");
        ((ObjectNode) body).remove("shop");
        call.json(201, store.record(withReadableEntry(EventParser.parse(body, p.username()), p).inShop(key)));
    }

    /**
     * {@code e} naming its entry by id, once that entry is known to exist for {@code caller} ({@link EntryAccess}: their
     * shops, their role, their own snippets); 422 otherwise.
     */
    private UsageEvent withReadableEntry(UsageEvent e, Principal caller) {
        if (e.entryId() == null) return e;
        Entry entry = entries.find(e.entryId())
                .filter(found -> EntryAccess.mayRead(caller, found))
                .orElseThrow(() -> ApiException.invalid(List.of(FieldError.of("entryId", EventError.NO_SUCH_ENTRY, e.entryId()))));
        if (e.entryVersion() != null && e.entryVersion() > entry.version()) {
            throw ApiException.invalid(List.of(FieldError.of("entryVersion", EventError.NO_SUCH_VERSION, entry.key(),
                    e.entryVersion(), entry.version())));
        }
        return e.withEntryId(entry.id());
    }

    /** Events of the {@code shop} asked for, else of the caller's shops (a caller limited to shops sees no others). */
    private void find(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        String shop = shops.requested(me, call.query("shop"), "shop");
        List<String> scope = shop != null ? List.of(shop) : me.limitedToShops() ? me.shops() : null;
        String type = call.request().getParameter("type");
        EventType t = EventType.fromWire(type);
        if (type != null && t == null) throw ApiException.badRequest("type", EventError.TYPE, String.join(", ", EventType.WIRE));
        EventQuery q = new EventQuery(t, call.request().getParameter("entryId"), call.request().getParameter("helpdesk"),
                call.request().getParameter("ticketId"), call.request().getParameter("source"),
                call.instantQuery("since"), call.instantQuery("until"), call.intQuery("limit", 100, 1, 1000), scope);
        call.json(200, Map.of("events", store.find(q)));
    }
}
