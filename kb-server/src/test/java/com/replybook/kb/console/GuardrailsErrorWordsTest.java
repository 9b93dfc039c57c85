package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guardrails' and search's refusals over HTTP: each carries its code and arguments beside the unchanged English,
 * and the console words them in zh-CN and zh-TW ({@code POST /console/errors/text}).
 */
class GuardrailsErrorWordsTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient lead;
    static ConsoleClient zhCn;
    static ConsoleClient zhTw;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        lead = server.userWithRole("lead.words", "lead");
        zhCn = ConsoleGuardrailsTest.signedInOn(server, "lead.cn", Role.LEAD, "zh-CN");
        zhTw = ConsoleGuardrailsTest.signedInOn(server, "lead.tw", Role.LEAD, "zh-TW");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCompensationRowsBadAmountAndOverlapAreNamedByRowAndFieldInBothChineseScripts() {
        ApiClient.Response r = lead.put("/api/v1/compensation/policy/zh-CN", Map.of("currency", "CNY", "rules", List.of(
                Map.of("category", "物流", "orderMin", "0", "orderMax", "200", "offer", "coupon", "maxAmount", "10"),
                Map.of("category", "物流", "orderMin", "100", "offer", "coupon", "maxAmount", "-5"),
                Map.of("category", "物流", "orderMin", "100", "orderMax", "300", "offer", "coupon", "maxAmount", "20"))), null);
        assertEquals(422, r.status(), r.text());
        JsonNode errors = r.json().at("/error/errors");
        assertEquals("rules[1].maxAmount", errors.get(0).get("field").asText());
        assertEquals("guardrails.amountNegative", errors.get(0).get("reason").asText());
        assertEquals("Row 2: maxAmount must not be negative, was '-5'", errors.get(0).get("message").asText(),
                "the English stays as it was");
        assertEquals("rules[2].orderMin", errors.get(1).get("field").asText());
        assertEquals("compensation.overlaps", errors.get(1).get("reason").asText());
        assertEquals(1, errors.get(1).at("/args/other").asInt());

        assertEquals(List.of("上限不能是负数（填的是 -5）。", "这一行的订单金额范围与第 1 行重叠（分类、补偿方式和客户标签都相同）。"
                + "请把范围改成首尾相接、互不重叠，例如 0–100 和 100–500。"), texts(zhCn, 422, errors));
        assertEquals(List.of("上限不能是負數（填的是 -5）。", "這一列的訂單金額範圍與第 1 列重疊（分類、補償方式和顧客標籤都相同）。"
                + "請把範圍改成頭尾相接、互不重疊，例如 0–100 和 100–500。"), texts(zhTw, 422, errors));
    }

    @Test
    void aWordingRuleThatWouldMatchEveryTextIsExplainedWithWhatToDoInstead() {
        ApiClient.Response r = lead.put("/api/v1/wording/zh-CN",
                Map.of("rules", List.of(Map.of("phrase", "(快递|)", "severity", "block"))), null);
        assertEquals(422, r.status(), r.text());
        JsonNode error = r.json().at("/error/errors/0");
        assertEquals("rules[0].phrase", error.get("field").asText());
        assertEquals("wordingRules.matchesEverything", error.get("reason").asText());
        assertEquals("Row 1: the phrase '(快递|)' can match nothing at all, so it would match every text; give it words",
                error.get("message").asText());
        assertEquals(List.of("“(快递|)”的每一部分都可有可无，会匹配所有文字。请至少写一个必须出现的词。"), texts(zhCn, 422, r.json().at("/error/errors")));
        assertEquals(List.of("「(快递|)」的每一部分都可有可無，會比對到所有文字。請至少寫一個一定要出現的詞。"), texts(zhTw, 422, r.json().at("/error/errors")));
    }

    @Test
    void aSecondDecisionOnAnApprovalIsRefusedNamingWhoDecidedAndHow() {
        ApiClient agent = server.userWithRole("agent.words", "agent");
        String id = agent.post("/api/v1/approvals", Map.of("ticketId", "91", "helpdesk", "zendesk", "locale", "zh-CN",
                "offer", "coupon", "amount", "50")).json().get("id").asText();
        assertEquals(200, lead.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", true)).status());
        ApiClient.Response twice = lead.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", false));
        assertEquals(409, twice.status(), twice.text());
        JsonNode error = twice.json().get("error");
        assertEquals("approval.decided", error.get("reason").asText());
        assertEquals("This approval was already approved by lead.words; a decision is final", error.get("message").asText());
        assertEquals(List.of("这个申请已由 lead.words 处理（已批准），决定后不能更改。请刷新页面查看。"), texts(zhCn, 409, List.of(error)));
        assertEquals(List.of("這筆申請已由 lead.words 處理（已核准），決定後不能更改。請重新整理頁面查看。"), texts(zhTw, 409, List.of(error)));
        assertEquals("approval.notFound", lead.get("/api/v1/approvals/no-such").json().at("/error/reason").asText());
    }

    @Test
    void aSearchParameterOutOfRangeCarriesItsCodeAndLimit() {
        ApiClient.Response r = lead.get("/api/v1/search?q=%E5%BF%AB%E9%80%92&limit=0");
        assertEquals(400, r.status(), r.text());
        JsonNode error = r.json().get("error");
        assertEquals("limit", error.get("field").asText());
        assertEquals("search.limit", error.get("reason").asText());
        assertTrue(error.get("message").asText().startsWith("limit must be a whole number from 1 to "), r.text());
        int max = error.at("/args/max").asInt();
        assertEquals(List.of("结果数量须是 1 到 " + max + " 之间的整数。"), texts(zhCn, 400, List.of(error)));
        assertEquals(List.of("結果數量須是 1 到 " + max + " 之間的整數。"), texts(zhTw, 400, List.of(error)));

        ApiClient agent = server.userWithRole("agent.search", "agent");
        JsonNode forbidden = agent.get("/api/v1/search?q=x&status=draft").json().get("error");
        assertEquals("search.publishedOnly", forbidden.get("reason").asText());
        JsonNode text = agent.post("/api/v1/search/ticket", Map.of("subject", "s", "messages", List.of(Map.of("author", "c"))))
                .json().get("error");
        assertEquals("search.messageText", text.get("reason").asText());
        assertEquals("Every message needs a text", text.get("message").asText());
    }

    /** The console's words for {@code errors}, as the guardrails pages ask for them. */
    private static List<String> texts(ConsoleClient console, int status, Iterable<JsonNode> errors) {
        List<Map<String, Object>> asked = new ArrayList<>();
        errors.forEach(e -> asked.add(Map.of("reason", e.get("reason").asText(), "args", e.path("args"))));
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(Map.of("status", status, "errors", asked));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> r = console.postJson("/console/errors/text", body, "/console/compensation");
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        ConsoleErrorsTest.json(r).get("texts").forEach(t -> out.add(t.asText()));
        return out;
    }
}
