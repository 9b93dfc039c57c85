package com.replybook.kb.console;

import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead keeps the guardrails in a real Chromium: tries a sample ticket against the compensation table, adds a row
 * and sees a bad one refused next to its field in their language, and tries a text against the wording rules. Saves the README's
 * screenshots of both pages (zh-CN at desktop width, en at phone width) to {@code target/screenshots/}.
 */
class ConsoleGuardrailsIT {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = ConsoleWorkflowIT.SCREENSHOTS;
    @RegisterExtension
    static final FailureReport report = new FailureReport(Path.of("target/browser-failures"));
    @TempDir
    static Path dir;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        var users = server.app().users();
        server.app().passwords().setPassword(users.createUser("lead.zh", "lead.zh", com.replybook.kb.auth.Role.LEAD, "zh-CN").id(), PASSWORD);
        server.app().passwords().setPassword(users.createUser("lead.tw", "lead.tw", com.replybook.kb.auth.Role.LEAD, "zh-TW").id(), PASSWORD);
        server.app().passwords().setPassword(users.createUser("lead.en", "lead.en", com.replybook.kb.auth.Role.LEAD, "en").id(), PASSWORD);
        browser = Browser.start(server.base(), Browser.Options.DEFAULT.withWindowSize(1400, 1100));
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    void signInAs(String username) {
        browser.forgetCookies().open("/console/signin");
        browser.type("#username", username).type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/") && !browser.path().startsWith("/console/signin"));
    }

    @Test
    void aLeadTriesATicketAndSeesABadRowRefusedNextToItsField() {
        signInAs("lead.zh");
        browser.open("/console/compensation");
        browser.find("#try-category").clear();
        browser.type("#try-category", "物流/延误").click("#try-check");
        WebElement result = browser.until(d -> visibleText(d.findElement(By.id("try-result"))));
        assertTrue(result.getText().startsWith("需要组长审批：政策上限为"), result.getText());
        assertEquals(1, browser.findAll("#policy-rules tr.matched").size(), "the rule that applies is highlighted");
        browser.screenshot(SCREENSHOTS.resolve("console-compensation.png"));

        int rows = browser.findAll("#policy-rules tbody tr").size();
        browser.click("#policy-add");
        List<WebElement> all = browser.findAll("#policy-rules tbody tr");
        assertEquals(rows + 1, all.size());
        WebElement added = all.get(rows);
        added.findElement(By.cssSelector("[data-field='category']")).sendKeys("售后");
        added.findElement(By.cssSelector("[data-field='maxAmount']")).sendKeys("-5");
        browser.click("#policy-save");
        WebElement error = browser.until(d -> first(d.findElements(By.cssSelector("#policy-rules .cell-error"))));
        assertEquals("上限不能是负数（填的是 -5）。", error.getText(), "in the lead's language, not the API's English");
        assertEquals("true", added.findElement(By.cssSelector("[data-field='maxAmount']")).getAttribute("aria-invalid"));
        assertTrue(browser.find("#policy-status").getText().contains("没有保存"));

        added.findElement(By.cssSelector("[data-field='maxAmount']")).clear();
        added.findElement(By.cssSelector("[data-field='maxAmount']")).sendKeys("8");
        browser.click("#policy-save");
        browser.until(d -> d.findElement(By.id("policy-status")).getText().startsWith("已保存"));
        assertTrue(server.admin().get("/api/v1/compensation/policy/zh-CN").text().contains("\"category\":\"售后\""));
    }

    @Test
    void aLeadTriesATextAndSeesWhatTheRulesFind() {
        signInAs("lead.zh");
        browser.open("/console/wording");
        browser.until(d -> !d.findElements(By.cssSelector("#try-text-marked mark.finding-block")).isEmpty());
        assertTrue(browser.find("#try-text-findings").getText().contains("我马上联系快递核实"));
        browser.screenshot(SCREENSHOTS.resolve("console-wording.png"));

        signInAs("lead.en");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
        try {
            browser.open("/console/wording?locale=en");
            WebElement box = browser.find("#try-text-input");
            box.clear();
            box.sendKeys("I'm so sorry for the wait, but the carrier is busy. Please calm down.");
            browser.click("#try-text-check");
            browser.until(d -> d.findElements(By.cssSelector("#try-text-marked mark")).size() == 2);
            assertEquals("calm down", browser.find("#try-text-marked mark.finding-block").getText());
            browser.screenshot(SCREENSHOTS.resolve("console-wording-phone.png"));
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1100));
        }
    }

    @Test
    void aWordingRuleThatWouldMatchEveryTextIsRefusedInTheLeadsLanguage() {
        signInAs("lead.tw");
        browser.open("/console/wording?locale=zh-TW");
        int rows = browser.findAll("#wording-rules tbody tr").size();
        browser.click("#wording-add");
        WebElement added = browser.findAll("#wording-rules tbody tr").get(rows);
        added.findElement(By.cssSelector("[data-field='phrase']")).sendKeys("(宅配|)");
        browser.click("#wording-save");
        WebElement error = browser.until(d -> first(d.findElements(By.cssSelector("#wording-rules .cell-error"))));
        assertEquals("「(宅配|)」的每一部分都可有可無，會比對到所有文字。請至少寫一個一定要出現的詞。", error.getText());
        assertEquals("true", added.findElement(By.cssSelector("[data-field='phrase']")).getAttribute("aria-invalid"));
        assertTrue(server.admin().get("/api/v1/wording/zh-TW").json().get("defaults").asBoolean(), "nothing was saved");
    }

    private static WebElement visibleText(WebElement e) {
        return e.getText().isBlank() ? null : e;
    }

    private static WebElement first(List<WebElement> els) {
        return els.isEmpty() ? null : els.get(0);
    }
}
