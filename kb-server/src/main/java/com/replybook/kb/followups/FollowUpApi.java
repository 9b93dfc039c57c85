package com.replybook.kb.followups;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.vocabulary.HelpDesk;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * <ul>
 *   <li>{@code POST /api/v1/followups} {@code {"ticketId","helpdesk","dueAt","note","entryId","shop"}} (any role; a
 *       help-desk bridge adds {@code agent}) → {@code 201 {"id","status":"open",…,"shop"}}: in the {@code shop} named
 *       (400 when no shop has that key, 403 when the caller works for other shops), else in the caller's one shop
 *       when they work for exactly one;</li>
 *   <li>{@code GET /api/v1/followups?status=open&dueBefore=<ISO time>&agent=&helpdesk=&ticketId=&shop=&limit=} →
 *       {@code {"followups":[…]}}, the earliest due first: the caller's own (leads: everyone's, {@code agent}
 *       narrowing to one agent), of the caller's shops and of no shop ({@code shop} narrowing to one);</li>
 *   <li>{@code POST /api/v1/followups/{id}/done} (optional body {@code {"agent"}}) → the follow-up, done; 404 when it
 *       is not the caller's, or of a shop they do not work for.</li>
 * </ul>
 * Answers are never cached: they are one person's.
 */
final class FollowUpApi {

    private final FollowUps followUps;
    private final KnownShops shops;

    FollowUpApi(FollowUps followUps, KnownShops shops) {
        this.followUps = followUps;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/followups", this::create)
                .get("/api/v1/followups", this::list)
                .post("/api/v1/followups/{id}/done", this::done);
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        Instant now = followUps.now();
        JsonNode body = call.readObject();
        String shop = shops.recordedIn(me, KnownShops.named(body), "shop");
        FollowUpRequest.Parsed p = FollowUpRequest.parse(body, now);
        if (!p.errors().isEmpty()) throw ApiException.invalid(p.errors());
        FollowUp f = followUps.record(me, p.request(), shop);
        call.setHeader("Location", call.request().getRequestURI() + "/" + f.id());
        call.setHeader("Cache-Control", "no-store");
        call.json(201, f.toJson(now));
    }

    private void list(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        String shop = shops.requested(me, call.query("shop"), "shop");
        FollowUpStore.Query q = new FollowUpStore.Query(status(call), call.instantQuery("dueBefore"), null,
                call.query("agent"), helpdesk(call), call.query("ticketId"), call.intQuery("limit", 100, 1, 500),
                KnownShops.scope(me, shop));
        Instant now = followUps.now();
        call.setHeader("Cache-Control", "no-store");
        call.json(200, Map.of("followups", followUps.list(me, q).stream().map(f -> f.toJson(now)).toList()));
    }

    private void done(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        FollowUp f = followUps.done(me, call.path("id"), agentOf(call));
        call.setHeader("Cache-Control", "no-store");
        call.json(200, f.toJson(followUps.now()));
    }

    private static FollowUp.Status status(ApiCall call) {
        String s = call.query("status");
        FollowUp.Status status = s == null ? null : FollowUp.Status.fromWire(s);
        if (s != null && status == null) throw ApiException.badRequest("status", FollowUpError.STATUS, s);
        return status;
    }

    private static String helpdesk(ApiCall call) {
        try {
            HelpDesk d = HelpDesk.parse("helpdesk", call.query("helpdesk"));
            return d == null ? null : d.id();
        } catch (UnknownTermException e) {
            throw ApiException.badRequest("helpdesk", InputError.UNKNOWN_TERM, "helpdesk").withMessage(e.getMessage());
        }
    }

    /** The optional {@code agent} of the body (a bridge names the agent it acts for); no body is fine. */
    private static String agentOf(ApiCall call) throws IOException {
        JsonNode agent = call.readOptionalObject().get("agent");
        if (agent == null || agent.isNull()) return null;
        if (!agent.isTextual() || agent.asText().length() > FollowUpRequest.MAX_AGENT) {
            throw ApiException.badRequest("agent", InputError.STRING_UP_TO, "agent", FollowUpRequest.MAX_AGENT);
        }
        return agent.asText().strip().isEmpty() ? null : agent.asText().strip();
    }
}
