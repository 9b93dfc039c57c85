package com.replybook.kb.followups;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/followups} for leads: the open follow-ups past their due time, the longest overdue first, with how
 * late each is, filterable by agent; a lead may mark one done (e.g. after calling the customer themselves).
 */
final class OverduePage {

    static final int MAX_ROWS = 500;
    private final FollowUps followUps;

    OverduePage(FollowUps followUps) {
        this.followUps = followUps;
    }

    void routes(Router<Page> console) {
        console.get("/followups", this::list).post("/followups/{id}/done", this::done);
    }

    /** One row: the follow-up and how many minutes it is overdue. */
    public record Row(String id, String helpdesk, String ticketId, Instant dueAt, String note, String entryId,
                      String agent, long lateMinutes) {
    }

    private void list(Page p) throws IOException {
        p.require(Role.LEAD);
        String agent = p.param("agent");
        Instant now = followUps.now();
        List<Row> rows = followUps.overdue(agent, MAX_ROWS).stream()
                .map(f -> new Row(f.id(), f.helpdesk(), f.ticketId(), f.dueAt(), f.note(), f.entryId(), f.agent(),
                        Duration.between(f.dueAt(), now).toMinutes()))
                .toList();
        Map<String, Object> m = new HashMap<>();
        m.put("rows", rows);
        m.put("agents", followUps.agentsOverdue());
        m.put("agent", agent == null ? "" : agent);
        p.render("followups/overdue.ftlh", m);
    }

    private void done(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        followUps.done(me, p.path("id"), null);
        String agent = p.param("agent");
        p.redirect("followups" + (agent == null ? "" : "?agent=" + java.net.URLEncoder.encode(agent,
                java.nio.charset.StandardCharsets.UTF_8)), "followups.markedDone");
    }
}
