package com.replybook.kb.guardrails.approvals;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/approvals} (lead and above): compensation agents asked for above the policy, oldest waiting first,
 * each decided with a note (approve or reject, once), and the latest decisions.
 * answers {@code {"count"}} for the badge in the navigation.
 */
final class ApprovalPage {

    private static final int RECENT = 20;
    private final Approvals approvals;

    ApprovalPage(Approvals approvals) {
        this.approvals = approvals;
    }

    void routes(Router<Page> r) {
        r.get("/approvals", this::show).post("/approvals/{id}", this::decide);
    }

    private void show(Page p) throws IOException {
        Principal lead = p.require(Role.LEAD);
        List<Approval> pending = new ArrayList<>(approvals.list(lead,
                new ApprovalStore.Query(Approval.Status.PENDING, null, null, null, null, 200, null)));
        Collections.reverse(pending); // the longest waiting first
        List<Approval> decided = approvals.list(lead, new ApprovalStore.Query(null, null, null, null, null, RECENT + pending.size(), null))
                .stream().filter(a -> a.status() != Approval.Status.PENDING).limit(RECENT).toList();
        p.render("guardrails/approvals.ftlh", Map.of("pending", pending, "decided", decided));
    }

    private void decide(Page p) throws IOException {
        Principal lead = p.require(Role.LEAD);
        boolean approved = "approve".equals(p.param("decision"));
        if (!approved && !"reject".equals(p.param("decision"))) {
            throw ApiException.badRequest("decision", ApprovalError.DECISION);
        }
        String note = p.param("note");
        if (note != null && note.length() > Approvals.MAX_TEXT) note = note.substring(0, Approvals.MAX_TEXT);
        try {
            approvals.decide(lead, p.path("id"), approved, note);
            p.redirect("approvals", approved ? "approvals.approved" : "approvals.rejected");
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect("approvals", "approvals.alreadyDecided");
        }
    }
}
