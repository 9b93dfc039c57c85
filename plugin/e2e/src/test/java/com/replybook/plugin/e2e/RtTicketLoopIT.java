package com.replybook.plugin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The ticket loop in a real RT 5 with RT::Extension::Replybook and the real kb-server WAR: the extension's scrip
 * sends how tickets end up (resolved, reopened, the customer's rating), and a follow-up recorded through RT's proxy
 * becomes an RT reminder on the ticket, resolved when the follow-up is done; a case captured there names its ticket.
 * The panel's side: its response clock against the team's target, a follow-up offered after inserting a script that
 * promises one and recorded as an RT reminder, and a case captured from the reply page.
 * Each test writes in its own ticket, so they run in any order.
 */
class RtTicketLoopIT {

    @RegisterExtension
    static final FailureReport report = new FailureReport(RtWidgetIT.out());

    static Path work;
    static KbServer kb;
    static RtInstance rt;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        if (!RtInstance.installed() || !Browser.installed()) {
            throw new IllegalStateException("request-tracker5, chromium and chromium-driver are missing: run plugin/ci-packages.sh");
        }
        work = Files.createTempDirectory("replybook-rt-loop");
        kb = KbServer.start(work);
        report.log("kb-server", kb.log).log("RT", RtInstance.logFile(work));
        rt = RtInstance.start(work, kb.url, System.getProperty("replybook.kb.token", KbServer.ADMIN_TOKEN));
        browser = Browser.start(URI.create(rt.url), Browser.Options.DEFAULT.withLang("zh-CN").withWindowSize(1280, 1600)
                .withWaitUpTo(Duration.ofSeconds(20)));
        report.browser(browser);
        login();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (rt != null) rt.close();
        if (kb != null) kb.close();
    }

    @Test
    void resolvingReopeningAndRatingATicketSendItsOutcomesToKbServer() {
        long ticket = rt.mailFromCustomer("周女士", "zhou@example.com", "退款什么时候到账", "退款申请三天了还没到账");
        rt.setStatus(ticket, "resolved");
        assertEquals(List.of("resolved"), outcomes(ticket, 1));
        rt.setStatus(ticket, "open");
        assertEquals(List.of("resolved", "reopened"), outcomes(ticket, 2));
        rt.setCustomField(ticket, "Satisfaction", "5");
        rt.setCustomField(ticket, "Satisfaction", "2");
        assertEquals(List.of("resolved", "reopened", "satisfied", "dissatisfied"), outcomes(ticket, 4));
        JsonNode events = kb.get("/api/v1/events?type=outcome&helpdesk=rt&ticketId=" + ticket).get("events");
        assertEquals(100, events.get(1).get("score").asInt(), "5 of 5 stars: " + events);
        assertEquals(40, events.get(0).get("score").asInt(), "2 of 5 stars");
    }

    @Test
    void aFollowUpRecordedInRtBecomesAReminderOnTheTicketAndDoneResolvesIt() {
        long ticket = rt.mailFromCustomer("吴先生", "wu@example.com", "耳机有杂音", "刚买的耳机左边有杂音");
        String due = Instant.now().plus(Duration.ofHours(26)).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode created = proxy("POST", "/api/v1/followups",
                "{\"ticketId\":\"" + ticket + "\",\"dueAt\":\"" + due + "\",\"note\":\"明天下午 5 点前电话答复检测结果\"}");
        assertEquals(201, created.get("status").asInt(), created.toString());
        JsonNode f = created.get("json");
        assertEquals("root", f.get("agent").asText(), "RT names the agent, not the browser");
        assertEquals("rt", f.get("helpdesk").asText());
        assertTrue(f.get("rtReminderId").asLong() > 0, f.toString());

        JsonNode reminders = rt.reminders(ticket);
        assertEquals(1, reminders.size(), reminders.toString());
        assertEquals("明天下午 5 点前电话答复检测结果", reminders.get(0).get("Subject").asText());
        assertEquals(due.replace("T", " ").replace("Z", ""), rt.rest("/ticket/" + reminders.get(0).get("id").asText())
                .get("Due").asText().replace("T", " ").replace("Z", ""), "due when the follow-up is");

        JsonNode mine = proxy("GET", "/api/v1/followups?status=open&agent=somebody-else", null);
        assertTrue(mine.get("json").get("followups").toString().contains(f.get("id").asText()), "the list is root's own");

        JsonNode done = proxy("POST", "/api/v1/followups/" + f.get("id").asText() + "/done", "{}");
        assertEquals(200, done.get("status").asInt(), done.toString());
        assertEquals("resolved", rt.reminders(ticket).get(0).get("Status").asText(), "done in Replybook, done in RT");
    }

    @Test
    void aFollowUpOrCaseForATicketTheAgentCannotSeeIsRefusedNamingTheTicket() {
        JsonNode r = proxy("POST", "/api/v1/followups", "{\"ticketId\":\"987654\",\"dueAt\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\"}");
        assertEquals(404, r.get("status").asInt(), r.toString());
        assertEquals("ticketId", r.get("json").get("error").get("field").asText());
        JsonNode c = proxy("POST", "/api/v1/cases", "{\"ticketId\":\"987654\",\"title\":\"x\",\"excerptText\":\"y\"}");
        assertEquals(404, c.get("status").asInt(), c.toString());
    }

    @Test
    void aCaseCapturedInRtNamesItsTicketAndAgentWithTheConversationMasked() {
        long ticket = rt.mailFromCustomer("郑女士", "zheng@example.com", "发错货了", "我买的是黑色的收到白色的，电话 13912345678");
        JsonNode r = proxy("POST", "/api/v1/cases", "{\"ticketId\":" + ticket + ",\"title\":\"发错颜色：先道歉再换货\","
                + "\"excerptText\":\"客户：收到白色的，电话 13912345678\\n客服：马上为您换黑色并补偿运费\","
                + "\"whyItWorked\":\"先认错，再给出当天可办的方案\"}");
        assertEquals(201, r.get("status").asInt(), r.toString());
        JsonNode c = r.get("json");
        assertEquals("rt:" + ticket, c.get("source").asText());
        assertEquals("root", c.get("agent").asText());
        assertTrue(!c.get("excerptHtml").asText().contains("13912345678"), c.toString());
    }

    @Test
    void theReplyPageShowsHowLongTheCustomerHasWaitedAgainstTheTeamsTargetForEmail() {
        long ticket = rt.mailFromCustomer("冯女士", "feng@example.com", "快递还没到", "下单五天了快递还没到，能帮我查一下吗？");
        WebElement clock = openReplyPageClock(ticket);
        assertEquals("ok", clock.getAttribute("data-state"), clock.getText());
        assertEquals("email", clock.getAttribute("data-channel"), "RT's tickets are e-mail");
        assertTrue(clock.getText().contains("客户已等：不到 1 分钟 · 目标 24 小时 · 未超时"), clock.getText());
        assertTrue(clock.getText().contains("FAST 事实核查：剩 29 分钟"), clock.getText());
        try {
            // a lead tightens e-mail to two minutes, amber from 1 % of it: the same wait is now nearly late
            kb.put("/api/v1/clocks", emailTarget(2, 1));
            clock = openReplyPageClock(ticket);
            assertEquals("amber", clock.getAttribute("data-state"), clock.getText());
            assertTrue(clock.getText().contains("目标 2 分钟 · 即将超时"), clock.getText());
            browser.screenshot(panel(), RtWidgetIT.out().resolve("widget-rt-clock.png"));
        } finally {
            kb.put("/api/v1/clocks", emailTarget(24 * 60, 75));
        }
    }

    @Test
    void aFollowUpPromisedByAnInsertedScriptIsRecordedFromThePanelAsAnRtReminderAndDoneResolvesIt() {
        long ticket = rt.mailFromCustomer("褚先生", "chu@example.com", "快递三天没动了",
                "你好，我的包裹已经三天没动了，物流信息一直没有更新，到底什么时候能到？");
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        browser.findAll("#replybook-panel .rb-hit").stream().filter(h -> h.getAttribute("data-key").startsWith(RtWidgetIT.LOGISTICS_DELAY))
                .findFirst().orElseThrow().findElement(By.cssSelector(".rb-hit-problem")).click();
        browser.until(d -> !panel().findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        for (WebElement field : browser.until(d -> {
            List<WebElement> m = panel().findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"));
            return m.isEmpty() ? null : m;
        })) {
            field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")));
        }
        browser.until(d -> "false".equals(panel().findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
        panel().findElement(By.cssSelector(".rb-insert")).click();

        // the entry's actions say "设置 24 小时回访提醒": the panel offers to record it, due in a day
        WebElement offer = browser.until(d -> Guardrails.visible(panel(), ".rb-offer"));
        assertTrue(offer.getText().contains("设置 24 小时回访提醒"), offer.getText());
        Number dueInMinutes = (Number) browser.js("return (new Date(document.querySelector('.rb-offer-due').value) - Date.now()) / 60000;");
        assertTrue(Math.abs(dueInMinutes.doubleValue() - 24 * 60) < 10, "due in about 24 hours: " + dueInMinutes);
        WebElement note = offer.findElement(By.cssSelector(".rb-offer-note"));
        note.clear();
        note.sendKeys("明天上午电话告知最新物流轨迹");
        browser.js("arguments[0].scrollIntoView({block:'center'});", offer);
        browser.screenshot(offer, RtWidgetIT.out().resolve("widget-rt-followup-offer.png"));
        note.sendKeys(Keys.ENTER); // records it: RT's reply form around the panel is not submitted
        WebElement done = browser.until(d -> Guardrails.visible(panel(), ".rb-offer-done"));
        assertTrue(browser.url().contains("/Ticket/Update.html"), "still on the reply page: " + browser.url());
        assertTrue(done.getText().startsWith("已记录回访，") && done.getText().contains("已在 RT 工单上建立提醒"), done.getText());
        browser.screenshot(panel(), RtWidgetIT.out().resolve("widget-rt-followup.png"));

        JsonNode reminders = rt.reminders(ticket);
        assertEquals(1, reminders.size(), reminders.toString());
        assertEquals("明天上午电话告知最新物流轨迹", reminders.get(0).get("Subject").asText());
        JsonNode f = kb.get("/api/v1/followups?status=open&helpdesk=rt&ticketId=" + ticket).path("followups").path(0);
        assertEquals("root", f.path("agent").asText(), f.toString());
        assertTrue(f.path("entryId").asText().length() > 10, "the entry that promised it: " + f);

        // listed under the ticket bar at once, and on the next visit; Done there resolves the RT reminder
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        WebElement listed = browser.until(d -> Guardrails.visible(panel(), ".rb-followup[data-id='" + f.path("id").asText() + "']"));
        assertEquals("later", listed.getAttribute("data-state"), "due in more than a day: " + listed.getText());
        assertTrue(listed.getText().matches("(?s)\\d\\d-\\d\\d \\d\\d:\\d\\d 到期.*明天上午电话告知最新物流轨迹.*"), listed.getText());
        listed.findElement(By.cssSelector(".rb-followup-done")).click();
        browser.until(d -> "done".equals(listed.getAttribute("data-state")));
        Http.await(Duration.ofSeconds(10), "the reminder resolved", () -> "resolved".equals(rt.reminders(ticket).get(0).get("Status").asText()));
    }

    @Test
    void aCaseCapturedFromThePanelNamesItsTicketWithTheConversationMasked() {
        long ticket = rt.mailFromCustomer("卫女士", "wei@example.com", "收到的杯子碎了",
                "杯子收到就是碎的，我的电话 13812345678，请尽快处理");
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> Guardrails.visible(panel(), ".rb-capture-open")).click();
        WebElement why = browser.until(d -> Guardrails.visible(panel(), ".rb-capture-why"));
        assertEquals("收到的杯子碎了", panel().findElement(By.cssSelector(".rb-capture-title")).getAttribute("value"));
        assertTrue(panel().findElement(By.cssSelector(".rb-capture-convo summary")).getText().contains("1 条消息"),
                panel().findElement(By.cssSelector(".rb-capture-convo summary")).getText());
        why.sendKeys("先道歉不追问，当场给出补发和退款两个选择");
        browser.screenshot(panel().findElement(By.cssSelector(".rb-capture")), RtWidgetIT.out().resolve("widget-rt-case-form.png"));
        why.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // files it
        WebElement id = browser.until(d -> Guardrails.visible(panel(), ".rb-capture-id"));
        assertTrue(panel().findElement(By.cssSelector(".rb-ticket")).getText().contains("案例已提交 #"), panel().getText());
        browser.screenshot(panel(), RtWidgetIT.out().resolve("widget-rt-case.png"));

        JsonNode c = kb.get("/api/v1/cases/" + id.getAttribute("data-case"));
        assertEquals("rt:" + ticket, c.path("source").asText(), c.toString());
        assertEquals("root", c.path("agent").asText(), "RT names the agent");
        assertEquals("先道歉不追问，当场给出补发和退款两个选择", c.path("whyItWorked").asText());
        String excerpt = c.path("excerptHtml").asText();
        assertTrue(excerpt.contains("客户：") && excerpt.contains("杯子收到就是碎的"), excerpt);
        assertFalse(excerpt.contains("13812345678"), "masked on the server: " + excerpt);
    }

    /** Opens the ticket's reply page and waits for the panel's response clock. */
    private static WebElement openReplyPageClock(long ticket) {
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        return browser.until(d -> Guardrails.visible(panel(), ".rb-clock"));
    }

    /** A change of the clock targets: e-mail first response within {@code minutes}, amber from {@code amber} %. */
    private static String emailTarget(int minutes, int amber) {
        return "{\"amberPercent\":" + amber + ",\"channels\":{\"email\":{\"firstResponseMinutes\":" + minutes
                + ",\"stageMinutes\":{\"fact\":30,\"action\":60,\"senior\":120,\"trace\":1440}}}}";
    }

    private static WebElement panel() {
        return browser.find("#replybook-panel");
    }

    /** The kb-server answer to one call of the panel through RT's proxy: {status, json}. */
    private static JsonNode proxy(String method, String path, String body) {
        Object answer = browser.jsAsync("""
                var done = arguments[arguments.length - 1];
                var f = new URLSearchParams({method: arguments[0], path: arguments[1]});
                if (arguments[2] != null) f.set('body', arguments[2]);
                fetch('/Helpers/Replybook/Proxy', {method: 'POST', body: f, credentials: 'same-origin'})
                  .then(function (r) { return r.text().then(function (t) { done(JSON.stringify({status: r.status, json: JSON.parse(t)})); }); })
                  .catch(function (e) { done(JSON.stringify({status: -1, json: {error: String(e)}})); });
                """, method, path, body);
        try {
            return Http.JSON.readTree(String.valueOf(answer));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The outcomes kb-server has for the ticket, oldest first, once there are {@code n} (RT sends them as it goes). */
    private static List<String> outcomes(long ticket, int n) {
        List<String> out = new ArrayList<>();
        Http.await(Duration.ofSeconds(20), n + " outcome events of ticket " + ticket, () -> {
            JsonNode events = kb.get("/api/v1/events?type=outcome&helpdesk=rt&ticketId=" + ticket).get("events");
            out.clear();
            for (int i = events.size() - 1; i >= 0; i--) out.add(events.get(i).get("outcome").asText());
            return out.size() >= n;
        });
        return out;
    }

    private static void login() {
        browser.open("/NoAuth/Login.html");
        browser.find("[name='user']").sendKeys("root");
        browser.find("[name='pass']").sendKeys(RtInstance.ROOT_PASSWORD);
        browser.click("input[type='submit']");
        browser.until(d -> "root".equals(browser.js("return window.RT && RT.CurrentUser ? RT.CurrentUser.Name : null;")));
    }
}
