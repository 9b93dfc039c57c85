package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training through the API (any role; agents see published collections only, others are 404):
 * <ul>
 *   <li>{@code GET /api/v1/collections} → {@code {"collections":[{"id","name","description","published","cases",
 *       "entries","studiedAt"}]}} ({@code studiedAt} the caller's own mark, or null);</li>
 *   <li>{@code GET /api/v1/collections/{id}} → the collection with its items in order, each with its {@code case} or
 *       {@code entry};</li>
 *   <li>{@code POST /api/v1/collections/{id}/studied} → {@code {"collectionId","studiedAt","agent"}};
 *       {@code DELETE} takes the mark back (204);</li>
 *   <li>{@code GET /api/v1/collections/{id}/studied?agent=} and {@code GET /api/v1/studies?agent=} →
 *       {@code {"studies":[{"collectionId","collectionName","user","agent","studiedAt"}]}}: leads see everyone's
 *       (narrowed by {@code agent}), anyone else only their own.</li>
 * </ul>
 * A help-desk bridge names the agent it acts for with {@code agent} (the query on GET, the body on POST/DELETE).
 */
final class TrainingApi {

    private final Training training;

    TrainingApi(Training training) {
        this.training = training;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/collections", this::list)
                .get("/api/v1/collections/{id}", this::read)
                .post("/api/v1/collections/{id}/studied", this::mark)
                .delete("/api/v1/collections/{id}/studied", this::unmark)
                .get("/api/v1/collections/{id}/studied", this::whoStudied)
                .get("/api/v1/studies", this::studies);
    }

    private void list(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        Map<String, Instant> mine = training.studiedBy(Training.Learner.of(me, agentQuery(call)));
        List<Map<String, Object>> out = training.collections(me).stream().map(c -> {
            Map<String, Object> m = summary(c);
            m.put("studiedAt", mine.get(c.id()));
            return m;
        }).toList();
        answer(call, 200, Map.of("collections", out));
    }

    private void read(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        CaseCollection c = training.collection(me, call.path("id"));
        Map<String, Object> m = summary(c);
        m.put("studiedAt", training.studiedBy(Training.Learner.of(me, agentQuery(call))).get(c.id()));
        m.put("items", training.items(me, c));
        answer(call, 200, m);
    }

    private void mark(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        Training.Learner learner = Training.Learner.of(me, agentBody(call));
        Instant at = training.markStudied(me, learner, call.path("id"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("collectionId", call.path("id"));
        out.put("studiedAt", at);
        out.put("agent", learner.agent());
        answer(call, 200, out);
    }

    private void unmark(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        training.unmarkStudied(me, Training.Learner.of(me, agentBody(call)), call.path("id"));
        call.noContent();
    }

    private void whoStudied(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        String id = training.collection(me, call.path("id")).id();
        answer(call, 200, Map.of("studies", training.studies(me, Training.Learner.of(me, agentQuery(call)), id, call.query("agent"))));
    }

    private void studies(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        answer(call, 200, Map.of("studies", training.studies(me, Training.Learner.of(me, agentQuery(call)), null, call.query("agent"))));
    }

    private static Map<String, Object> summary(CaseCollection c) {
        Map<String, Long> counts = Training.counts(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("published", c.published());
        m.put("cases", counts.getOrDefault("case", 0L));
        m.put("entries", counts.getOrDefault("entry", 0L));
        m.put("updatedAt", c.updatedAt());
        return m;
    }

    private static void answer(ApiCall call, int status, Object body) throws IOException {
        call.setHeader("Cache-Control", "no-store");
        call.json(status, body);
    }

    private static String agentQuery(ApiCall call) {
        String agent = call.query("agent");
        if (agent != null && agent.length() > 200) throw ApiException.badRequest("agent", InputError.TOO_LONG, "agent", 200);
        return agent;
    }

    /** The optional {@code agent} of a body (a bridge names the agent it acts for); no body is fine. */
    private static String agentBody(ApiCall call) throws IOException {
        JsonNode agent = call.readOptionalObject().get("agent");
        if (agent == null || agent.isNull()) return null;
        if (!agent.isTextual() || agent.asText().length() > 200) {
            throw ApiException.badRequest("agent", InputError.STRING_UP_TO, "agent", 200);
        }
        return agent.asText();
    }
}
