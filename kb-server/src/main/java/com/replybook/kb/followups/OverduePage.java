package com.replybook.kb.followups;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/followups} for leads: the open follow-ups past their due time, the longest overdue first, with how
 * late each is, filterable by agent and by shop; a lead may mark one done (e.g. after calling the customer
 * themselves). A lead limited to shops sees only their shops' follow-ups and those of no shop, and only the agents
 * who have such follow-ups.
 */
final class OverduePage {

    static final int MAX_ROWS = 500;
    private final FollowUps followUps;
    private final KnownShops shops;

    OverduePage(FollowUps followUps, KnownShops shops) {
        this.followUps = followUps;
        this.shops = shops;
    }

    void routes(Router<Page> console) {
        console.get("/followups", this::list).post("/followups/{id}/done", this::done);
    }

    /** One row: the follow-up, how many minutes it is overdue, and its shop (null: of no shop). */
    public record Row(String id, String helpdesk, String ticketId, Instant dueAt, String note, String entryId,
                      String agent, long lateMinutes, String shop) {
    }

    private void list(Page p) throws IOException {
        Principal lead = p.require(Role.LEAD);
        String agent = p.param("agent");
        String shop = shops.requested(lead, p.param("shop"), "shop");
        List<String> scope = KnownShops.scope(lead, shop);
        Instant now = followUps.now();
        List<Row> rows = followUps.overdue(agent, MAX_ROWS, scope).stream()
                .map(f -> new Row(f.id(), f.helpdesk(), f.ticketId(), f.dueAt(), f.note(), f.entryId(), f.agent(),
                        Duration.between(f.dueAt(), now).toMinutes(), f.shop()))
                .toList();
        Map<String, Object> m = new HashMap<>();
        m.put("rows", rows);
        m.put("agents", followUps.agentsOverdue(scope));
        m.put("agent", agent == null ? "" : agent);
        m.put("shop", shop == null ? "" : shop);
        m.put("shopChoices", shops.namesFor(lead));
        p.render("followups/overdue.ftlh", m);
    }

    private void done(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        followUps.done(me, p.path("id"), null);
        List<String> query = new ArrayList<>();
        for (String name : List.of("agent", "shop")) {
            String value = p.param(name);
            if (value != null && !value.isEmpty()) query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        p.redirect("followups" + (query.isEmpty() ? "" : "?" + String.join("&", query)), "followups.markedDone");
    }
}
