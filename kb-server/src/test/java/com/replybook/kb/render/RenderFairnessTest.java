package com.replybook.kb.render;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One user's slow renders (a script that loops until the time limit, sent again and again from several threads)
 * must not starve another user's: the render workers are shared fairly, the excess is told to come back later.
 */
class RenderFairnessTest {

    static final String RUNAWAY = "<#list order.items as a><#list order.items as b><#list order.items as c>"
            + "<#list order.items as d><#list order.items as e></#list></#list></#list></#list></#list>";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        Map<String, Object> e = Fixtures.entry("quick.zh-cn");
        e.put("status", "published");
        assertEquals(201, server.admin().post("/api/v1/entries", e).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUsersRunawayRendersLeaveWorkersForEveryoneElseAndTheirExcessIsToldToRetry() throws Exception {
        ApiClient slow = server.userWithRole("slow.editor", "editor");
        ApiClient agent = server.userWithRole("agent.ann", "agent");
        Map<String, Object> runaway = Map.of("script", RUNAWAY, "tone", "standard", "channel", "chat",
                "context", Map.of("order", Map.of("items", Collections.nCopies(100, "x"))));
        assertEquals(200, agent.post("/api/v1/entries/quick.zh-cn/render", Map.of()).status()); // warm: layouts compiled
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, String> slowAnswers = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    while (flooding.get()) {
                        Response r = slow.post("/api/v1/render", runaway);
                        slowAnswers.putIfAbsent(r.status(), r.status() == 429 ? r.header("Retry-After") : r.text());
                    }
                });
            }
            Thread.sleep(500); // the flood fills what it can first
            List<Long> agentMillis = new ArrayList<>();
            try {
                agentRenders(agent, agentMillis);
            } finally {
                flooding.set(false);
            }
            assertTrue(agentMillis.stream().allMatch(ms -> ms < 1000), "the agent waited: " + agentMillis + " ms");
        }
        assertTrue(slowAnswers.containsKey(422), "the runaway render is stopped at the time limit: " + slowAnswers);
        assertTrue(slowAnswers.containsKey(429), "the flood's excess is refused: " + slowAnswers);
        assertTrue(Integer.parseInt(slowAnswers.get(429)) >= 1, "with Retry-After: " + slowAnswers);
    }

    /** Eight renders of a quick entry, each timed into {@code millis}; each must succeed. */
    private static void agentRenders(ApiClient agent, List<Long> millis) {
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            Response r = agent.post("/api/v1/entries/quick.zh-cn/render", Map.of("tone", "warm", "channel", "chat",
                    "context", Map.of("order", Map.of("id", "E" + i))));
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, r.status(), "the agent's render #" + i + " while another user floods: " + r.text());
        }
    }
}
