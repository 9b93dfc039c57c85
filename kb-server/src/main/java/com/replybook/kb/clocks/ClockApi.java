package com.replybook.kb.clocks;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;

/**
 * {@code GET /api/v1/clocks} (any role: the widget times tickets against it) → the targets with their
 * {@code version} (also the ETag); {@code PUT /api/v1/clocks} (lead and above) with the channels to change and
 * optionally {@code amberPercent} → the targets now in force. {@code If-Match: "<version>"} is optional; a stale one
 * gets 409 with {@code currentVersion}.
 */
final class ClockApi {

    private final ClockStore store;

    ClockApi(ClockStore store) {
        this.store = store;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/clocks", this::read).put("/api/v1/clocks", this::replace);
    }

    private void read(ApiCall call) throws IOException {
        Principal.of(call).require(Role.AGENT);
        answer(call, store.current());
    }

    private void replace(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        ClockTargetsParser.Result r = ClockTargetsParser.parse(call.readObject(), store.current().amberPercent());
        if (!r.errors().isEmpty()) throw ApiException.invalid(r.errors());
        answer(call, store.replace(r.change().channels(), r.change().amberPercent(), ifMatch(call), me.username()));
    }

    private static void answer(ApiCall call, ClockTargets targets) throws IOException {
        call.setHeader("ETag", "\"" + targets.version() + "\"");
        call.json(200, targets.toJson());
    }

    private static Long ifMatch(ApiCall call) {
        String header = call.header("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) return null;
        try {
            return Long.parseLong(header.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", ClockError.IF_MATCH);
        }
    }
}
