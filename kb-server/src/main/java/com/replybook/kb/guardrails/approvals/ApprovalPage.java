package com.replybook.kb.guardrails.approvals;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/approvals} (lead and above): compensation agents asked for above the policy, oldest waiting first,
 * each decided with a note (approve or reject, once), and the latest decisions.
 * answers {@code {"count"}} for the badge in the navigation. A lead sees the approvals of their shops
 * ({@link Approvals#list}), narrowed to one of them with {@code ?shop=} (403 for a shop that is not theirs).
 */
final class ApprovalPage {

    private static final int RECENT = 20;
    private final Approvals approvals;
    private final KnownShops shops;

    ApprovalPage(Approvals approvals, KnownShops shops) {
        this.approvals = approvals;
        this.shops = shops;
    }

    void routes(Router<Page> r) {
        r.get("/approvals", this::show).post("/approvals/{id}", this::decide);
    }

    private void show(Page p) throws IOException {
        Principal lead = p.require(Role.LEAD);
        String shop = shops.requested(lead, p.param("shop"), "shop");
        List<String> only = shop == null ? null : List.of(shop);
        List<Approval> pending = new ArrayList<>(approvals.list(lead,
                new ApprovalStore.Query(Approval.Status.PENDING, null, null, null, null, 200, only)));
        Collections.reverse(pending); // the longest waiting first
        List<Approval> decided = approvals.list(lead, new ApprovalStore.Query(null, null, null, null, null, RECENT + pending.size(), only))
                .stream().filter(a -> a.status() != Approval.Status.PENDING).limit(RECENT).toList();
        p.render("guardrails/approvals.ftlh", Map.of("pending", pending, "decided", decided,
                "shop", shop == null ? "" : shop, "shopChoices", shops.namesFor(lead)));
    }

    private void decide(Page p) throws IOException {
        Principal lead = p.require(Role.LEAD);
        boolean approved = "approve".equals(p.param("decision"));
        if (!approved && !"reject".equals(p.param("decision"))) {
            throw ApiException.badRequest("decision", ApprovalError.DECISION);
        }
        String note = p.param("note");
        if (note != null && note.length() > Approvals.MAX_TEXT) note = note.substring(0, Approvals.MAX_TEXT);
        String shop = p.param("shop"); // the list the lead decided from, checked again when it is shown
        String back = "approvals" + (shop == null || shop.isBlank() ? ""
                : "?shop=" + URLEncoder.encode(shop.strip(), StandardCharsets.UTF_8));
        try {
            approvals.decide(lead, p.path("id"), approved, note);
            p.redirect(back, approved ? "approvals.approved" : "approvals.rejected");
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect(back, "approvals.alreadyDecided");
        }
    }
}
