package com.replybook.kb.guardrails.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <ul>
 *   <li>{@code POST /api/v1/approvals} {@code {"ticketId","helpdesk","locale","category","orderAmount","offer",
 *       "amount","reason"}} (any role; optional {@code customerTags}, {@code entryId}, {@code agent}) →
 *       {@code 201 {"id","status":"pending",…,"policyMax","currency"}};</li>
 *   <li>{@code GET /api/v1/approvals?status=&ticketId=&helpdesk=&agent=&limit=} → {@code {"approvals":[…],
 *       "pending","canDecide"}}: agents see their own, leads all;</li>
 *   <li>{@code GET /api/v1/approvals/{id}}: the approval and its decision (agents only their own: 404 otherwise);</li>
 *   <li>{@code POST /api/v1/approvals/{id}/decision} {@code {"approved":bool,"note"}} (lead and above; agents 403)
 *       → the decided approval; 409 when it was decided already.</li>
 * </ul>
 */
final class ApprovalApi {

    private final Approvals approvals;

    ApprovalApi(Approvals approvals) {
        this.approvals = approvals;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/approvals", this::request)
                .get("/api/v1/approvals", this::list)
                .get("/api/v1/approvals/{id}", this::read)
                .post("/api/v1/approvals/{id}/decision", this::decide);
    }

    private void request(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        call.json(201, approvals.request(p, call.readObject()).toJson());
    }

    private void list(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        String status = call.query("status");
        Approval.Status s = status == null ? null : Approval.Status.fromWire(status);
        if (status != null && s == null) throw ApiException.badRequest("status", ApprovalError.STATUS);
        List<Approval> found = approvals.list(p, new ApprovalStore.Query(s, null, call.query("agent"),
                call.query("helpdesk"), call.query("ticketId"), call.intQuery("limit", 50, 1, 200), null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("approvals", found.stream().map(Approval::toJson).toList());
        out.put("canDecide", p.can(Role.LEAD));
        if (p.can(Role.LEAD)) out.put("pending", approvals.pending(p));
        call.setHeader("Cache-Control", "no-store");
        call.json(200, out);
    }

    private void read(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        Approval a = approvals.find(p, call.path("id")).orElseThrow(() -> ApiException.notFound(ApprovalError.NOT_FOUND, call.path("id")));
        call.setHeader("Cache-Control", "no-store");
        call.json(200, a.toJson());
    }

    private void decide(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.LEAD);
        JsonNode body = call.readObject();
        JsonNode approved = body.get("approved");
        if (approved == null || !approved.isBoolean()) throw ApiException.badRequest("approved", InputError.NOT_BOOLEAN, "approved");
        JsonNode note = body.get("note");
        if (note != null && !note.isNull() && !note.isTextual()) throw ApiException.badRequest("note", InputError.NOT_STRING, "note");
        String text = note == null || note.isNull() ? null : note.asText().strip();
        if (text != null && text.length() > Approvals.MAX_TEXT) {
            throw ApiException.unprocessable("note", InputError.TOO_LONG, "note", Approvals.MAX_TEXT);
        }
        call.json(200, approvals.decide(p, call.path("id"), approved.asBoolean(), text == null || text.isEmpty() ? null : text).toJson());
    }
}
