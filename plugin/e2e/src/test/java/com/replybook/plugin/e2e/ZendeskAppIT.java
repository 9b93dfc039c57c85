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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Zendesk app in Chromium inside a host page that speaks the ZAF SDK's postMessage protocol, with the
 * real zendesk_app_framework_sdk bundled from npm, against the real kb-server WAR. The servers and the browser
 * are shared; each test opens the host page afresh and checks only what it did itself, so they run in any order.
 */
class ZendeskAppIT {
    /** A failing test prints what kb-server logged while it ran, and saves the browser's state. */
    @RegisterExtension
    static final FailureReport report = new FailureReport(RtWidgetIT.out());

    static Path work;
    static KbServer kb;
    static ZafHost host;
    static Browser browser;
    /** How many requests the host's proxy had refused before this test. */
    int violationsBefore;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) throw new IllegalStateException("chromium and chromium-driver are missing: run plugin/ci-packages.sh");
        Path app = Path.of(System.getProperty("replybook.zendesk.dir", "../zendesk/target/app")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(app.resolve("assets/zaf_sdk.min.js"))) throw new IllegalStateException("build the Zendesk app first: " + app);
        work = Files.createTempDirectory("replybook-zendesk-e2e");
        kb = KbServer.start(work);
        report.log("kb-server", kb.log);
        kb.warmUp();
        host = new ZafHost(app, kb.url, System.getProperty("replybook.kb.token", KbServer.ADMIN_TOKEN));
        browser = Browser.start(URI.create("http://127.0.0.1:" + host.port + "/"), Browser.Options.DEFAULT.withWindowSize(1280, 1600)
                .withWaitUpTo(Duration.ofSeconds(20))); // the widget rebuilds parts of its DOM as data arrives
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (host != null) host.close();
        if (kb != null) kb.close();
    }

    @BeforeEach
    void countViolations() {
        violationsBefore = host.violations.size();
    }

    /** Whatever a test does, the app sends every request as {@code secure}, naming the token only as a placeholder. */
    @AfterEach
    void noRequestOfThisTestWasRefusedByTheProxy() {
        assertTrue(violationsOfThisTest().isEmpty(), violationsOfThisTest().toString());
    }

    private List<String> violationsOfThisTest() {
        return List.copyOf(host.violations.subList(violationsBefore, host.violations.size()));
    }

    /** The insert events kb-server has for the host page's ticket. */
    private static int insertEvents() {
        return kb.get("/api/v1/events?type=insert&helpdesk=zendesk&ticketId=4711").path("events").size();
    }

    @Test
    void appSuggestsFromTicketContextAndInsertsAtTheCursorWithTheTokenOnlyAsPlaceholder() throws Exception {
        int insertsBefore = insertEvents(); // another test may have inserted into the same ticket
        browser.open(host.hostUrl("zh-cn"));
        WebElement editor = browser.find("#editor");
        editor.click();
        editor.sendKeys("FIRSTWORD LASTWORD");
        for (int i = 0; i < "LASTWORD".length(); i++) editor.sendKeys(Keys.ARROW_LEFT);

        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        String firstMs = browser.find("#replybook-panel").getAttribute("data-first-suggestions-ms");
        List<WebElement> hits = browser.findAll(".rb-hit");
        int pick = -1;
        for (int i = 0; i < Math.min(3, hits.size()); i++) {
            if (hits.get(i).getAttribute("data-key").startsWith(RtWidgetIT.LOGISTICS_DELAY)) pick = i;
        }
        assertTrue(pick >= 0, "logistics-delay among the first three suggestions");
        assertEquals("chat", browser.find(".rb-channel").getAttribute("value"), "channel from ticket.via.channel");
        assertEquals("回复话术", browser.find(".rb-title").getText(), "UI in the agent's locale");
        browser.until(d -> d.findElement(By.cssSelector(".rb-mood")).getAttribute("data-emotion") != null);
        assertEquals("formal", browser.find(".rb-tone").getAttribute("value"),
                "the customer's 'vip' tag maps to the formal tone in kb-server");
        assertEquals("anxious", browser.find(".rb-mood").getAttribute("data-emotion"));
        hits.get(pick).findElement(By.cssSelector(".rb-hit-problem")).click();
        browser.until(d -> !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        for (WebElement field : browser.findAll(".rb-fills input[aria-invalid='true']")) {
            field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")));
        }
        browser.until(d -> "false".equals(d.findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
        String rendered = browser.find(".rb-preview").getText();
        browser.find(".rb-insert").click();
        browser.until(d -> "true".equals(String.valueOf(browser.js("return !!document.querySelector('.rb-feedback.rb-ok');"))));
        // As an SMS the entry's short version is sent instead of its script.
        new Select(browser.find(".rb-channel")).selectByValue("sms");
        browser.until(d -> d.findElement(By.cssSelector(".rb-preview")).getText().contains("已催件并加急派送"));
        assertFalse(browser.find(".rb-preview").getText().contains("分拣排队"));
        browser.driver().switchTo().defaultContent();

        String text = browser.find("#editor").getText();
        assertTrue(text.indexOf("FIRSTWORD") < text.indexOf("王女士") && text.indexOf("王女士") < text.indexOf("LASTWORD"),
                "inserted at the cursor via ticket.editor.insert: " + text);
        assertTrue(rendered.contains("王女士"), rendered);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> invokes = (List<Map<String, Object>>) browser.js("return window.zaf.invokes;");
        assertTrue(invokes.stream().anyMatch(i -> "ticket.editor.insert".equals(i.get("name"))), invokes.toString());
        assertTrue(invokes.stream().anyMatch(i -> "resize".equals(i.get("name"))), "the app resizes itself explicitly");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) browser.js("return window.zaf.requests;");
        assertFalse(requests.isEmpty());
        for (Map<String, Object> r : requests) {
            assertEquals(ZafHost.PLACEHOLDER, ((Map<?, ?>) r.get("headers")).get("Authorization"));
            assertEquals(Boolean.TRUE, r.get("secure"));
        }
        assertTrue(violationsOfThisTest().isEmpty(), violationsOfThisTest().toString());
        String token = System.getProperty("replybook.kb.token", KbServer.ADMIN_TOKEN);
        assertFalse(String.valueOf(browser.js("return JSON.stringify(window.zaf);")).contains(token), "the real token never reaches the browser");
        assertTrue(insertEvents() > insertsBefore, "kb-server recorded this test's insert");
        assertEquals("noise_cancelling_x2", kb.get("/api/v1/events?type=insert&helpdesk=zendesk&ticketId=4711")
                .path("events").path(0).path("product").asText(), "the product comes from the ticket field named in the settings");
        System.out.println("Zendesk app: first suggestions " + firstMs + " ms after the app started");
    }

    @Test
    void keyboardAloneFindsAndInsertsTwoEntriesIntoOneReplyInEnglish() {
        browser.open(host.hostUrl("en-US"));
        WebElement editor = browser.find("#editor");
        editor.click();
        editor.sendKeys("AAA BBB");
        for (int i = 0; i < 3; i++) editor.sendKeys(Keys.ARROW_LEFT);

        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        String firstMs = browser.find("#replybook-panel").getAttribute("data-first-suggestions-ms");
        String apiMs = browser.find("#replybook-panel").getAttribute("data-first-suggestions-api-ms");
        assertEquals("Reply scripts", browser.find(".rb-title").getText());
        browser.find(".rb-title").click(); // focus the app's frame, nothing in it
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        WebElement search = browser.find(".rb-search");
        assertEquals(search, browser.driver().switchTo().activeElement(), "Alt+K focuses search");
        search.sendKeys("退款");
        try {
            browser.until(d -> "Search results".equalsIgnoreCase(d.findElement(By.cssSelector(".rb-list-title")).getText())
                    && !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError("no search results; panel shows: " + browser.find("#replybook-panel").getText()
                    + " / query " + search.getAttribute("value"), e);
        }

        String first = insertByKeyboard(1);
        new Actions(browser.driver()).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        String second = insertByKeyboard(2);
        browser.driver().switchTo().defaultContent();

        String text = browser.find("#editor").getText();
        int a = text.indexOf("AAA"), x = text.indexOf(first), y = text.indexOf(second), b = text.indexOf("BBB");
        assertTrue(a >= 0 && a < x && x < y && y < b, "two entries inserted in order at the cursor: " + text);

        // A misspelt search is corrected, and the list says what was searched.
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement box = browser.find(".rb-search");
        box.clear();
        box.sendKeys("when will I get my refnud");
        browser.until(d -> "Results for “when will I get my refund”".equalsIgnoreCase(
                d.findElement(By.cssSelector(".rb-list-title")).getText()));
        browser.driver().switchTo().defaultContent();
        System.out.println("Zendesk app: first suggestions " + firstMs + " ms after the app started ("
                + apiMs + " ms of it in the kb-server call through the host's proxy)");
    }

    @Test
    void anSmsThatTakesSeveralMessagesSaysSoInTheAgentsLanguage() {
        String longScript = "您的紫色折叠雨伞（订单 ${order.id}）伞骨断裂，是我们质检没有发现的问题。".repeat(3)
                + "我们会今天补发一把新伞，旧伞不用寄回，另送您一张优惠券。";
        kb.post("/api/v1/entries", "{\"key\":\"umbrella-rib.zh-cn\",\"locale\":\"zh-CN\",\"category\":\"质量/配件\","
                + "\"problem\":\"紫色折叠雨伞伞骨断裂\",\"questions\":[\"紫色雨伞的伞骨断了\"],\"script\":\"" + longScript
                + "\",\"status\":\"published\"}");
        browser.open(host.hostUrl("zh-cn"));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement search = browser.until(d -> d.findElement(By.cssSelector(".rb-search")));
        search.sendKeys("紫色雨伞伞骨断了");
        browser.until(d -> d.findElements(By.cssSelector(".rb-hit")).stream()
                .anyMatch(h -> "umbrella-rib.zh-cn".equals(h.getAttribute("data-key"))));
        browser.findAll(".rb-hit").stream()
                .filter(h -> "umbrella-rib.zh-cn".equals(h.getAttribute("data-key"))).findFirst().orElseThrow().click();
        new Select(browser.until(d -> d.findElement(By.cssSelector(".rb-channel")))).selectByValue("sms");

        // It has no short version, so its whole script goes out as an SMS: the note gives the count in words.
        browser.until(d -> d.findElement(By.cssSelector(".rb-notes")).getText().matches("(?s).*将分 \\d+ 条短信发出.*"));
        assertFalse(browser.find(".rb-notes").getText().contains("sms-segments"));

        // Nor has it a review version: as a public review reply, the agent is told what they are looking at.
        new Select(browser.find(".rb-channel")).selectByValue("review");
        browser.until(d -> d.findElement(By.cssSelector(".rb-notes")).getText().contains("此话术还没有评价回复版"));
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void overTheLimitTheAgentAsksTheLeadApprovesInTheirOwnPanelAndTheAgentInserts() throws Exception {
        try (ZafHost agentDesk = new ZafHost(app(), kb.url, kb.userToken("zendesk-agent", "agent"));
             ZafHost leadDesk = new ZafHost(app(), kb.url, kb.userToken(Guardrails.LEAD, "lead"))) {
            browser.open(agentDesk.hostUrl("zh-cn"));
            browser.find("#editor").click();
            browser.driver().switchTo().frame(browser.find("#app"));
            openTheLogisticsDelayEntry();
            fillWhatTheTicketLacks(var -> "coupon.amount".equals(var) ? "50" : RtWidgetIT.valueFor(var)); // the VIP limit is ¥30
            WebElement panel = browser.find("#replybook-panel");
            Guardrails.askALead(browser, panel, "VIP 客户，包裹延误一周");
            assertFalse(browser.find(".rb-insert").isEnabled());
            String agentTab = browser.driver().getWindowHandle();

            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.driver().get(leadDesk.hostUrl("zh-cn"));
            browser.driver().switchTo().frame(browser.find("#app"));
            WebElement request = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-approvals .rb-approval"));
            assertTrue(request.getText().contains("VIP 客户，包裹延误一周") && request.getText().contains("¥50"), request.getText());
            browser.screenshot(browser.find("#replybook-panel"), RtWidgetIT.out().resolve("widget-lead-approvals.png"));
            request.findElement(By.cssSelector(".rb-approval-note")).sendKeys("可以");
            request.findElement(By.cssSelector(".rb-approval-approve")).click();
            browser.until(d -> d.findElements(By.cssSelector(".rb-approvals .rb-approval")).isEmpty());
            browser.driver().close();
            browser.driver().switchTo().window(agentTab);

            browser.driver().switchTo().frame(browser.find("#app"));
            browser.until(d -> d.findElement(By.cssSelector(".rb-insert")).isEnabled());
            browser.find(".rb-insert").click();
            browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
            browser.driver().switchTo().defaultContent();
            assertTrue(browser.find("#editor").getText().contains("¥50"), browser.find("#editor").getText());
            assertTrue(agentDesk.violations.isEmpty() && leadDesk.violations.isEmpty(), agentDesk.violations + " " + leadDesk.violations);
        }
    }

    @Test
    void anAgentsOwnEditWithABlockingPhraseCannotBeInserted() throws Exception {
        browser.open(host.hostUrl("zh-cn"));
        String editorBefore = browser.find("#editor").getText();
        browser.driver().switchTo().frame(browser.find("#app"));
        openTheLogisticsDelayEntry();
        fillWhatTheTicketLacks(RtWidgetIT::valueFor);
        // the render with the values typed: an edit made before it would be replaced by it
        browser.until(d -> "false".equals(d.findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));

        WebElement preview = browser.find(".rb-preview");
        preview.click();
        preview.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "快递的事我们管不了，您自己联系快递吧。");
        WebElement finding = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-guard-finding.rb-block"));
        assertTrue(finding.getText().contains("快递的事我们管不了"), finding.getText());
        assertTrue(finding.getText().contains("我马上联系快递核实"), "the suggestion is shown: " + finding.getText());
        assertFalse(browser.find(".rb-insert").isEnabled());
        browser.find(".rb-search").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // the keyboard's insert, refused too
        Thread.sleep(800);
        browser.driver().switchTo().defaultContent();
        assertEquals(editorBefore, browser.find("#editor").getText(), "nothing was inserted");

        browser.driver().switchTo().frame(browser.find("#app"));
        preview.sendKeys(Keys.chord(Keys.CONTROL, "a"), "换成我也会着急。我已提交催件，今天 18:00 前告诉您结果。");
        browser.until(d -> d.findElement(By.cssSelector(".rb-insert")).isEnabled());
        browser.find(".rb-insert").click();
        browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
        browser.driver().switchTo().defaultContent();
        assertTrue(browser.find("#editor").getText().contains("今天 18:00 前告诉您结果"), browser.find("#editor").getText());
    }

    @Test
    void theClockSaysInWordsHowLongTheCustomerWaitedAndTurnsRedPastTheChatTargetAsTheMinutesPass() {
        // 48 s of the chat target's minute: amber from 75 % of it, as kb-server's default targets say
        browser.open(host.hostUrl("en-US", "&waited=0.8"));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement clock = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-clock"));
        assertEquals("amber", clock.getAttribute("data-state"), clock.getText());
        assertEquals("chat", clock.getAttribute("data-channel"));
        assertTrue(clock.getText().contains("Customer waiting <1 min · target 1 min · due soon"), clock.getText());
        assertTrue(clock.getText().contains("FAST fact check: 9 min left"), "the first message came 20 min earlier: " + clock.getText());
        browser.driver().switchTo().defaultContent();

        browser.open(host.hostUrl("en-US", "&waited=0.3"));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement fresh = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-clock"));
        assertEquals("ok", fresh.getAttribute("data-state"), fresh.getText());
        assertTrue(fresh.getText().contains("on time"), fresh.getText());
        // nobody touches the panel: its minute tick finds the customer waiting past the target
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(80))
                .until(d -> "red".equals(d.findElement(By.cssSelector(".rb-clock")).getAttribute("data-state")));
        assertTrue(browser.find(".rb-clock").getText().contains("target 1 min · overdue"), browser.find(".rb-clock").getText());
        screenshot("widget-clock-overdue-en.png");
        browser.driver().switchTo().defaultContent();

        browser.open(host.hostUrl("zh-cn", "&status=solved"));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement solved = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-clock"));
        assertEquals("resolved", solved.getAttribute("data-state"));
        assertEquals("已解决", solved.getText());
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void theTicketsDueFollowUpsShowWhenTheAgentOpensItAndDoneClosesThem() {
        String overdue = kb.post("/api/v1/followups", "{\"ticketId\":\"4711\",\"helpdesk\":\"zendesk\",\"agent\":\"Agent Li\","
                + "\"dueAt\":\"" + Instant.now().minusSeconds(60) + "\",\"note\":\"回电告知补发单号\"}").path("id").asText();
        String later = kb.post("/api/v1/followups", "{\"ticketId\":\"4711\",\"helpdesk\":\"zendesk\",\"agent\":\"Agent Li\","
                + "\"dueAt\":\"" + Instant.now().plus(Duration.ofHours(3)) + "\",\"note\":\"确认客户已签收\"}").path("id").asText();
        String someoneElses = kb.post("/api/v1/followups", "{\"ticketId\":\"4711\",\"helpdesk\":\"zendesk\",\"agent\":\"Agent Wu\","
                + "\"dueAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\",\"note\":\"吴的回访\"}").path("id").asText();
        browser.open(host.hostUrl("zh-cn"));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement first = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")),
                ".rb-followup[data-id='" + overdue + "']"));
        assertEquals("overdue", first.getAttribute("data-state"));
        assertTrue(first.getText().startsWith("已逾期 ") && first.getText().contains("回电告知补发单号"), first.getText());
        WebElement next = browser.find(".rb-followup[data-id='" + later + "']");
        assertEquals("due", next.getAttribute("data-state"));
        assertTrue(next.getText().matches("(?s)2 小时 5\\d 分后到期.*确认客户已签收.*"), next.getText());
        assertTrue(browser.findAll(".rb-followup[data-id='" + someoneElses + "']").isEmpty(), "only the agent's own");
        screenshot("widget-followups-due.png");

        first.findElement(By.cssSelector(".rb-followup-done")).click();
        browser.until(d -> "done".equals(d.findElement(By.cssSelector(".rb-followup[data-id='" + overdue + "']")).getAttribute("data-state")));
        assertTrue(browser.find(".rb-followup[data-id='" + overdue + "'] .rb-feedback.rb-ok").getText().contains("已标记完成"));
        browser.driver().switchTo().defaultContent();
        JsonNode open = kb.get("/api/v1/followups?status=open&helpdesk=zendesk&ticketId=4711&agent=Agent%20Li").path("followups");
        assertFalse(open.toString().contains(overdue), "done in kb-server: " + open);
        assertTrue(open.toString().contains(later), open.toString());
        kb.post("/api/v1/followups/" + later + "/done", "{}"); // the ticket is shared by the tests: leave it clean
        kb.post("/api/v1/followups/" + someoneElses + "/done", "{}");
    }

    @Test
    void aCaseCapturedInZendeskNamesItsTicketAndAgentAndSaysItsId() {
        browser.open(host.hostUrl("en-US"));
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture-open")).click();
        WebElement title = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture-title"));
        assertEquals("快递三天没动了", title.getAttribute("value"), "the ticket's subject");
        assertEquals(browser.find(".rb-capture-why"), browser.driver().switchTo().activeElement(), "why it worked is asked first");
        browser.find(".rb-capture-file").click();
        WebElement warn = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture .rb-feedback.rb-warn"));
        assertTrue(warn.getText().startsWith("Say why it worked"), warn.getText());
        browser.find(".rb-capture-why").sendKeys("Named the delay before the customer had to, and gave a time to expect news");
        browser.find(".rb-capture-file").click();
        WebElement id = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture-id"));
        assertTrue(browser.find(".rb-ticket .rb-feedback.rb-ok").getText().startsWith("Case filed #"), browser.find(".rb-ticket").getText());
        String caseId = id.getAttribute("data-case");
        assertEquals(kb.url + "/console/cases/" + caseId, id.getAttribute("href"), "a link to the case on the console");
        browser.driver().switchTo().defaultContent();

        JsonNode c = kb.get("/api/v1/cases/" + caseId);
        assertEquals("zendesk:4711", c.path("source").asText(), c.toString());
        assertEquals("zendesk", c.path("helpdesk").asText());
        assertEquals("Agent Li", c.path("agent").asText());
        assertTrue(c.path("excerptHtml").asText().contains("三天没动了"), "the conversation goes with it: " + c);
        assertTrue(c.path("whyItWorked").asText().startsWith("Named the delay"), c.toString());
    }

    @Test
    void theLearnTabListsWhatTheLeadPublishedAndTheAgentMarksItStudied() throws Exception {
        String caseId = kb.post("/api/v1/cases", "{\"title\":\"Late parcel: empathy first, then a date\",\"excerptText\":"
                + "\"Customer: My parcel has not moved for three days.\\n\\nAgent: I would be worried too. I chased the carrier"
                + " and will write by 6 pm.\",\"whyItWorked\":\"The customer heard their worry named and got a time to hold on to\","
                + "\"agentDid\":\"Chased the carrier, set a reminder\"}").path("id").asText();
        kb.userToken(Guardrails.LEAD, "lead");
        String name = "Week 1: late parcels " + System.nanoTime();
        Guardrails.asLeadInTheConsole(browser, kb.url, () -> {
            browser.driver().get(kb.url + "/console/collections");
            browser.find("#collection-name").sendKeys(name);
            browser.find("#new-collection [type='submit']").click();
            browser.until(d -> d.getCurrentUrl().matches(".*/console/collections/[^/]+$"));
            browser.find("#pick-case").sendKeys(caseId);
            browser.find("#add-case [type='submit']").click();
            browser.until(d -> d.findElements(By.cssSelector("#collection-items li")).size() == 1);
            browser.find("#publish-button").click();
            browser.until(d -> !d.findElements(By.cssSelector("#publish button[value='unpublish']")).isEmpty());
        });
        try (ZafHost agentDesk = new ZafHost(app(), kb.url, kb.userToken("zendesk-agent", "agent"))) {
            browser.open(agentDesk.hostUrl("en-US"));
            browser.driver().switchTo().frame(browser.find("#app"));
            WebElement tab = browser.until(d -> d.findElements(By.cssSelector(".rb-tab")).stream()
                    .filter(t -> "Learn".equals(t.getText())).findFirst().orElse(null));
            tab.click();
            assertEquals("true", tab.getAttribute("aria-selected"));
            WebElement item = browser.until(d -> d.findElements(By.cssSelector(".rb-learn-item")).stream()
                    .filter(i -> i.getText().contains(name)).findFirst().orElse(null));
            assertTrue(item.getText().contains("Cases: 1 · scripts: 0"), item.getText());
            item.findElement(By.cssSelector(".rb-learn-open")).click();
            WebElement card = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-learn-card[data-type='case']"));
            assertTrue(card.getText().contains("I would be worried too") && card.getText().contains("a time to hold on to"), card.getText());
            browser.find(".rb-learn-mark").click();
            browser.until(d -> "true".equals(d.findElement(By.cssSelector(".rb-learn-mark")).findElement(By.xpath("..")).getAttribute("data-studied")));
            assertTrue(browser.find(".rb-learn-mark + .rb-feedback").getText().startsWith("✓ Studied"), browser.find("#replybook-panel").getText());
            assertEquals("Unmark", browser.find(".rb-learn-mark").getText());
            screenshot("widget-learn.png");
            assertTrue(studied("Agent Li").contains(name), "the lead sees who studied it");
            assertFalse(studied("zendesk-agent").contains(name), "the mark is the help-desk agent's, not the bridge user's");

            browser.find(".rb-learn-mark").click();
            browser.until(d -> "false".equals(d.findElement(By.cssSelector(".rb-learn-mark")).findElement(By.xpath("..")).getAttribute("data-studied")));
            assertFalse(studied("Agent Li").contains(name), "the mark was taken back");
            browser.driver().switchTo().defaultContent();
            assertTrue(agentDesk.violations.isEmpty(), agentDesk.violations.toString());
        }
    }

    /** The names of the collections kb-server has study marks of {@code agent} for (the admin sees everyone's). */
    private static String studied(String agent) {
        return kb.get("/api/v1/studies?agent=" + java.net.URLEncoder.encode(agent, java.nio.charset.StandardCharsets.UTF_8))
                .path("studies").toString();
    }

    private static Path app() {
        return Path.of(System.getProperty("replybook.zendesk.dir", "../zendesk/target/app")).toAbsolutePath().normalize();
    }

    @Test
    void nonsenseFindsNoGoodMatchAndTheWeakerHitsAreFoldedAndCountedAsAGap() throws Exception {
        browser.open(host.hostUrl("zh-cn"));
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        browser.find(".rb-search").sendKeys("qwertyuiop");
        WebElement note = browser.until(d -> {
            WebElement n = d.findElement(By.cssSelector(".rb-nomatch"));
            return n.isDisplayed() ? n : null;
        });
        assertTrue(note.getText().contains("没有找到合适的话术"), note.getText());
        assertFalse(browser.find(".rb-hits").isDisplayed(), "the weaker hits are folded");
        WebElement toggle = browser.find(".rb-weaker");
        assertTrue(toggle.getText().matches("显示 \\d+ 条相关度较低的结果"), toggle.getText());
        screenshot("widget-no-good-match.png");
        toggle.click();
        browser.until(d -> d.findElement(By.cssSelector(".rb-hits")).isDisplayed()
                && !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        browser.driver().switchTo().defaultContent();

        JsonNode event = until(() -> {
            for (JsonNode e : kb.get("/api/v1/events?type=search&source=typed&helpdesk=zendesk&ticketId=4711").path("events")) {
                if ("qwertyuiop".equals(e.path("query").asText())) return e;
            }
            return null;
        });
        assertFalse(event.path("confident").asBoolean(true), event.toString());
        assertTrue(event.path("hits").asInt() > 0, "it listed hits all the same: " + event);
        JsonNode gaps = kb.get("/api/v1/analytics/insights?days=1").path("zeroResultQueries");
        assertTrue(gaps.toString().contains("qwertyuiop"), "a gap in the insights: " + gaps);
    }

    @Test
    void previewAndInsertComeFirstAndAMissingCarrierIsAskedForBesideTheButton() throws Exception {
        browser.open(host.hostUrl("zh-cn"));
        String editorBefore = browser.find("#editor").getText();
        browser.driver().switchTo().frame(browser.find("#app"));
        openTheLogisticsDelayEntry();
        try {
            browser.until(d -> d.findElement(By.cssSelector(".rb-insert")).isEnabled()
                    && !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        } catch (RuntimeException e) {
            throw new AssertionError("no preview; the panel says: " + browser.find("#replybook-panel").getAttribute("data-error"), e);
        }

        // compact: preview, then Insert with its feedback beside it, then the folded cause, questions and actions
        int preview = top(".rb-preview");
        int insert = top(".rb-insert");
        int folded = top(".rb-folded");
        assertTrue(preview < insert && insert < folded, "preview " + preview + " < insert " + insert + " < folded " + folded);
        for (WebElement section : browser.findAll(".rb-folded details")) {
            assertEquals(null, section.getAttribute("open"), "folded: " + section.getText());
        }
        assertTrue(browser.findAll(".rb-fills input[data-var='tracking.carrier']").size() == 1,
                "the carrier is asked for, not silently 快递公司");
        assertTrue(browser.find(".rb-preview").getText().contains("【请填写：快递公司】"), browser.find(".rb-preview").getText());

        browser.find(".rb-insert").click();
        WebElement feedback = browser.until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector(".rb-feedback.rb-warn"));
            return f.isEmpty() ? null : f.get(0);
        });
        assertTrue(feedback.getText().startsWith("请先填写：") && feedback.getText().contains("快递公司"), feedback.getText());
        WebElement button = browser.find(".rb-insert");
        assertTrue(Math.abs(centreY(feedback) - centreY(button)) < 16, "the feedback sits beside the button");
        WebElement focused = browser.driver().switchTo().activeElement();
        assertTrue(focused.getAttribute("data-var") != null, "the focus moved to the first value to fill");
        screenshot("widget-variable-prompt.png");
        browser.driver().switchTo().defaultContent();
        assertEquals(editorBefore, browser.find("#editor").getText(), "nothing was inserted");

        browser.driver().switchTo().frame(browser.find("#app"));
        for (WebElement field : browser.findAll(".rb-fills input[aria-invalid='true']")) {
            field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")));
        }
        browser.until(d -> "false".equals(d.findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
        browser.until(d -> d.findElement(By.cssSelector(".rb-feedback")).getText().isEmpty()); // "fill in first" went
        screenshot("widget-compact.png");
        browser.find(".rb-insert").click();
        browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
        browser.driver().switchTo().defaultContent();
        assertTrue(browser.find("#editor").getText().contains("顺丰"), "the carrier as the agent typed it");
    }

    @Test
    void aReplyBoxThatAlreadyGreetsGetsTheReplyWithoutASecondGreeting() {
        browser.open(host.hostUrl("zh-cn"));
        WebElement editor = browser.find("#editor");
        editor.click();
        editor.sendKeys("王女士，您好！");
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        previewFirstHitAndFillItIn();
        String preview = browser.find(".rb-preview").getText();
        assertEquals(1, RtWidgetIT.count(preview, "您好"), "the reply on its own greets once: " + preview);
        browser.find(".rb-insert").click();
        WebElement feedback = browser.until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector(".rb-feedback.rb-ok"));
            return f.isEmpty() ? null : f.get(0);
        });
        assertTrue(feedback.getText().contains("未重复"), feedback.getText());
        browser.driver().switchTo().defaultContent();
        String text = browser.find("#editor").getText();
        assertEquals(1, RtWidgetIT.count(text, "您好"), "one greeting, the agent's: " + text);
        assertTrue(text.startsWith("王女士，您好！"), text);
    }

    @Test
    void aDroppedConnectionIsRetriedVisiblyAndADoubleClickInsertsOnce() {
        browser.open(host.hostUrl("zh-cn"));
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        browser.driver().switchTo().defaultContent();
        browser.js("window.zaf.failNext = 3;"); // the next three requests fail as if the network dropped
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.find(".rb-search").sendKeys("退款多久到账");
        WebElement panel = browser.find("#replybook-panel");
        browser.until(d -> "retrying".equals(panel.getAttribute("data-connection")));
        assertTrue(browser.find(".rb-status").getText().contains("正在重试"), browser.find(".rb-status").getText());
        browser.until(d -> panel.getAttribute("data-connection") == null
                && "搜索结果".equals(d.findElement(By.cssSelector(".rb-list-title")).getText())
                && !d.findElements(By.cssSelector(".rb-hit")).isEmpty());

        previewFirstHitAndFillItIn();
        String line = browser.find(".rb-preview").getText().lines().map(String::strip)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow().substring(0, 12);
        browser.js("var b = document.querySelector('.rb-insert'); b.click(); b.click();");
        browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
        browser.driver().switchTo().defaultContent();
        assertEquals(1, RtWidgetIT.count(browser.find("#editor").getText(), line), "inserted once");
    }

    @Test
    void aSimplifiedChineseSearchListsEachEntryOnceWithItsOtherVersionsOneClickAway() {
        browser.open(host.hostUrl("zh-cn"));
        browser.driver().switchTo().frame(browser.find("#app"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        browser.find(".rb-search").sendKeys("退款多久能到账");
        browser.until(d -> "搜索结果".equals(d.findElement(By.cssSelector(".rb-list-title")).getText())
                && d.findElements(By.cssSelector(".rb-hit")).stream().anyMatch(h -> "refund-timing.zh-cn".equals(h.getAttribute("data-key"))));
        List<String> families = browser.findAll(".rb-hit").stream()
                .map(h -> h.getAttribute("data-key").replaceFirst("\\.[a-z]{2,3}(-[a-z0-9]{2,8})*$", "")).toList();
        assertEquals(families.size(), families.stream().distinct().count(), "one hit per family: " + families);
        WebElement hit = browser.findAll(".rb-hit").stream()
                .filter(h -> "refund-timing.zh-cn".equals(h.getAttribute("data-key"))).findFirst().orElseThrow();
        List<String> chips = hit.findElements(By.cssSelector(".rb-chip")).stream().map(c -> c.getAttribute("data-key")).toList();
        assertEquals(List.of("refund-timing.en", "refund-timing.zh-tw"), chips);

        hit.findElement(By.cssSelector(".rb-chip[data-key='refund-timing.zh-tw']")).click();
        browser.until(d -> !d.findElements(By.cssSelector(".rb-version[data-key='refund-timing.zh-cn']")).isEmpty());
        assertTrue(browser.find(".rb-problem").getText().contains("帳"), "the zh-TW version is open: " + browser.find(".rb-problem").getText());
        browser.find(".rb-version[data-key='refund-timing.zh-cn']").click();
        browser.until(d -> !d.findElements(By.cssSelector(".rb-version[data-key='refund-timing.zh-tw']")).isEmpty());
        browser.driver().switchTo().defaultContent();
    }

    @Test
    void theTicketsBrandPicksTheShopThePanelWorksInAndABrandOfAnUnknownShopIsSaid() throws Exception {
        Shops.setUp(kb);
        String question = "&text=" + java.net.URLEncoder.encode(Shops.QUESTION, java.nio.charset.StandardCharsets.UTF_8);
        browser.open(host.hostUrl("zh-cn", "&brand=" + java.net.URLEncoder.encode("Yunqi JD", java.nio.charset.StandardCharsets.UTF_8) + question));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement badge = browser.until(d -> d.findElements(By.cssSelector(".rb-shop")).stream()
                .filter(b -> !b.getText().isBlank()).findFirst().orElse(null));
        assertEquals("店铺：" + Shops.JD_NAME, badge.getText(), "the brand's shop, by the app's shopsByBrand setting");
        assertEquals(Shops.JD, browser.find("#replybook-panel").getAttribute("data-shop"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        var keys = Shops.keys(browser.findAll(".rb-hit"));
        assertTrue(keys.contains(Shops.JD_ENTRY) && !keys.contains(Shops.TMALL_ENTRY), "JD's entry, never Tmall's: " + keys);
        browser.find(".rb-hit[data-key='" + Shops.JD_ENTRY + "'] .rb-hit-problem").click();
        browser.until(d -> d.findElement(By.cssSelector(".rb-preview")).getText().contains(Shops.JD_NAME));
        assertFalse(browser.find(".rb-preview").getText().contains("Replybook Demo Shop"), browser.find(".rb-preview").getText());
        screenshot("widget-shop-zendesk.png");
        // a case captured on the brand's ticket belongs to its shop
        browser.find(".rb-capture-open").click();
        browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture-why"))
                .sendKeys("Said when the subsidy arrives before the customer asked twice");
        browser.find(".rb-capture-file").click();
        String caseId = browser.until(d -> Guardrails.visible(d.findElement(By.id("replybook-panel")), ".rb-capture-id"))
                .getAttribute("data-case");
        assertEquals(Shops.JD, kb.get("/api/v1/cases/" + caseId).path("shop").asText());
        browser.driver().switchTo().defaultContent();

        // a brand mapped to a shop kb-server does not know: the agent is told, and sees every shop's scripts
        browser.open(host.hostUrl("en", "&brandId=360000999" + question));
        browser.driver().switchTo().frame(browser.find("#app"));
        WebElement unknown = browser.until(d -> d.findElements(By.cssSelector(".rb-shop.rb-shop-unknown")).stream()
                .filter(b -> !b.getText().isBlank()).findFirst().orElse(null));
        assertEquals("Shop “no-such-shop” is not one of yours", unknown.getText());
        assertEquals(null, browser.find("#replybook-panel").getAttribute("data-shop"));
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        var all = Shops.keys(browser.findAll(".rb-hit"));
        assertTrue(all.containsAll(List.of(Shops.TMALL_ENTRY, Shops.JD_ENTRY)), "every shop's entries: " + all);
        browser.driver().switchTo().defaultContent();
    }

    /** Waits for the suggestions and opens the logistics-delay entry among them (inside the app's frame). */
    private void openTheLogisticsDelayEntry() {
        browser.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        browser.findAll(".rb-hit").stream().filter(h -> h.getAttribute("data-key").startsWith(RtWidgetIT.LOGISTICS_DELAY))
                .findFirst().orElseThrow().findElement(By.cssSelector(".rb-hit-problem")).click();
    }

    /** Waits for the preview and the values it asks for, and types {@code value} of each variable into its field. */
    private void fillWhatTheTicketLacks(java.util.function.UnaryOperator<String> value) {
        browser.until(d -> !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        for (WebElement field : browser.until(d -> {
            List<WebElement> m = d.findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"));
            return m.isEmpty() ? null : m;
        })) {
            field.sendKeys(value.apply(field.getAttribute("data-var")));
        }
    }

    /** Opens the first hit, fills what the ticket lacks and waits until Insert may insert (inside the app's frame). */
    private void previewFirstHitAndFillItIn() {
        browser.findAll(".rb-hit .rb-hit-problem").get(0).click();
        browser.until(d -> d.findElement(By.cssSelector(".rb-insert")).isEnabled()
                && !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        for (WebElement field : browser.findAll(".rb-fills input[aria-invalid='true']")) {
            field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")));
        }
        browser.until(d -> "false".equals(d.findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
    }

    private static <T> T until(java.util.function.Supplier<T> probe) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            T found = probe.get();
            if (found != null) return found;
            Thread.sleep(100);
        }
        throw new AssertionError("not within 10 s");
    }

    private int top(String css) {
        return browser.find(css).getRect().getY();
    }

    private static int centreY(WebElement e) {
        return e.getRect().getY() + e.getRect().getHeight() / 2;
    }

    /** Saves the panel (inside the app's frame) as {@code name} in target/e2e, for docs/. */
    private void screenshot(String name) {
        browser.screenshot(browser.find("#replybook-panel"), RtWidgetIT.out().resolve(name));
    }

    /**
     * The keyboard flow: arrow down to hit number {@code n}, Enter previews it (nothing is inserted yet), Ctrl+Enter
     * inserts; each value the ticket lacks is asked for (the focus moves to it) and filled with Enter. Returns a line
     * of the script.
     */
    private String insertByKeyboard(int n) {
        WebElement search = browser.driver().switchTo().activeElement();
        for (int i = 0; i < n; i++) search.sendKeys(Keys.ARROW_DOWN);
        assertTrue(search.getAttribute("aria-activedescendant").startsWith("rb-hit-"), "the arrows pick a hit");
        String picked = browser.find("#" + search.getAttribute("aria-activedescendant") + " .rb-hit-problem").getText();
        search.sendKeys(Keys.ENTER);
        // the entry picked, not the one inserted before it (still shown until the new one has loaded)
        browser.until(d -> !d.findElements(By.cssSelector(".rb-problem")).isEmpty()
                && picked.equals(d.findElement(By.cssSelector(".rb-problem")).getText())
                && !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank()
                && d.findElement(By.cssSelector(".rb-insert")).isEnabled());
        assertTrue(browser.findAll(".rb-feedback.rb-ok").isEmpty(), "Enter previews; it inserts nothing");
        search.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        for (int i = 0; i < 6 && browser.findAll(".rb-feedback.rb-ok").isEmpty(); i++) {
            // the insert asked for is under way until the panel is no longer busy: only then is the focus telling
            browser.until(d -> !"true".equals(d.findElement(By.id("replybook-panel")).getAttribute("aria-busy")));
            browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty()
                    || "INPUT".equals(d.switchTo().activeElement().getTagName().toUpperCase())
                       && d.switchTo().activeElement().getAttribute("data-var") != null);
            WebElement field = browser.driver().switchTo().activeElement();
            // only an empty one: the insert after the last Enter waits for the wording check, the field keeps the focus
            if (field.getAttribute("data-var") != null && field.getAttribute("value").isEmpty()) {
                field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")), Keys.ENTER);
            }
        }
        browser.until(d -> !d.findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
        return browser.find(".rb-preview").getText().lines().map(String::strip)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow().substring(0, 12);
    }
}
