package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capturing a handled ticket as a case through the API, on SQLite and on PostgreSQL. */
class CaseApiTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void capturedCaseIsStoredSanitisedAndMaskedAndCanBeFound(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient agent = server.userWithRole("agent.case", "agent");
            Response created = agent.post("/api/v1/cases", Map.of(
                    "title", "双11 物流延误：先安抚再补偿",
                    "excerptHtml", "<p>客户：我的电话 13812345678，订单号 E20231111888 还没到！<script>alert(1)</script></p>"
                            + "<p onclick=\"x()\">客服：已催促并补偿 10 元无门槛券。</p>",
                    "agentDid", "先共情，再说明原因，给出两个选择",
                    "outcome", "客户满意，追评五星",
                    "tags", List.of("物流", "双11"),
                    "entryKeys", List.of("logistics-delay.zh-cn"),
                    "rating", 5));
            assertEquals(201, created.status(), created.text());
            String id = created.json().get("id").asText();

            ApiClient editor = server.userWithRole("editor.case", "editor");
            JsonNode stored = editor.get("/api/v1/cases/" + id).json();
            String html = stored.get("excerptHtml").asText();
            assertFalse(html.contains("13812345678"), html);
            assertFalse(html.contains("E20231111888"), html);
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("onclick"), html);
            assertTrue(html.contains("已催促并补偿"), html);

            JsonNode found = editor.get("/api/v1/cases?q=%E7%89%A9%E6%B5%81").json().get("cases");
            assertEquals(1, found.size());
            assertEquals(403, agent.get("/api/v1/cases/" + id).status());
        }
    }

    @org.junit.jupiter.api.Test
    void theWaysOfHidingANumberFromMaskingDoNotGetItIntoAStoredCase() {
        try (TestServer server = TestServer.start(dir, false)) {
            String excerpt = "<p>客户：手机１３８００１３８０００，备用 <b>138</b>\u200B0013 8000，卡 4111 1111 1111 1111，"
                    + "邮箱 li.na＠example.com，身份证 11010519491231002X，单号 2023111100 1234 5678</p>";
            Response created = server.admin().post("/api/v1/cases", Map.of("title", "masking", "excerptHtml", excerpt));
            assertEquals(201, created.status(), created.text());
            String html = server.admin().get("/api/v1/cases/" + created.json().get("id").asText()).json()
                    .get("excerptHtml").asText();
            for (String leak : List.of("１３８", "138", "8000", "4111", "li.na", "example", "11010519491231002X", "5678")) {
                assertFalse(html.contains(leak), leak + " in " + html);
            }
            for (String label : List.of("[电话]", "[银行卡号]", "[邮箱]", "[身份证号]", "[订单号]")) {
                assertTrue(html.contains(label), label + " in " + html);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void caseWithoutTitleOrExcerptIsRefusedNamingTheFields(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Response r = server.admin().post("/api/v1/cases", Map.of("rating", 9));
            assertEquals(422, r.status(), r.text());
            String errors = r.json().path("error").path("errors").toString();
            assertTrue(errors.contains("title") && errors.contains("excerptHtml") && errors.contains("rating"), errors);
            assertEquals(0, server.admin().get("/api/v1/cases").json().get("cases").size());
        }
    }
}
