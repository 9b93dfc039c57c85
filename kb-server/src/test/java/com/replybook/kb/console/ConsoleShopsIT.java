package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.openqa.selenium.OutputType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shops in a real Chromium (issue 20): an admin's shop page in Chinese with its voice and channel layouts, a lead
 * of one shop on the wording rules page in English, opened on their shop's own rules, and an editor's entry form with
 * its shops; each at 1400 px and on a 390 px phone without sideways scrolling. Saves screenshots of each.
 */
class ConsoleShopsIT {

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
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall-flagship", "name", "云栖天猫旗舰店",
                "locales", List.of("zh-CN"), "signature", "云栖旗舰店客服 · 7×24 在线",
                "greetings", Map.of("warm", "亲爱的${customer.name}，欢迎回到云栖～"),
                "layouts", Map.of("channel/chat.zh-CN.ftl", "【${shopName}】${tone.greeting}\n\n${body}\n\n${tone.closing}")))
                .status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        server.createConsoleUser("wei", "admin", "zh-CN", PASSWORD);
        server.createConsoleUser("ed", "editor", "en", PASSWORD);
        var lead = server.app().users().createUser("lena", "lena", Role.LEAD, "en", List.of("tmall-flagship"));
        server.app().passwords().setPassword(lead.id(), PASSWORD);
        browser = Browser.start(server.base(), Browser.Options.DEFAULT.withLang("zh-CN"));
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @AfterEach
    void desktopAgain() {
        browser.desktop();
    }

    static void signInAs(String username) {
        browser.forgetCookies().open("/console/signin");
        browser.type("#username", username).type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/signin") ? null : true);
    }

    @Test
    void anAdminSeesAShopsVoiceAndItsOwnLayoutsAndItsOwnSettingsOneClickAway() throws IOException {
        signInAs("wei");
        browser.open("/console/shops/tmall-flagship");
        assertTrue(browser.exists("#shop-layouts[open]"), "the shop keeps a layout: its layouts are shown");
        assertTrue(browser.find("#shop-settings").getText().contains("话术禁忌"), browser.find("#shop-settings").getText());
        windowShot(SCREENSHOTS.resolve("console-shop.png"), "h1", 8);
        browser.phone(390, 844);
        browser.open("/console/shops/tmall-flagship");
        noSidewaysScroll();
        windowShot(SCREENSHOTS.resolve("console-shop-390.png"), "#shop-voice", 8);
    }

    @Test
    void aLeadOfOneShopOpensTheWordingRulesOnTheirShopsOwn() throws IOException {
        signInAs("lena");
        browser.open("/console/wording");
        String tabs = browser.find("#shop-tabs").getText();
        assertTrue(tabs.contains("云栖天猫旗舰店") && !tabs.contains("云栖京东自营店"), tabs);
        assertTrue(browser.find("#rules-stamp").getText().contains("zh-CN") || browser.find("#rules-stamp").getText()
                .contains("en"), "it says the shop uses its language's rules: " + browser.find("#rules-stamp").getText());
        windowShot(SCREENSHOTS.resolve("console-wording-shop.en.png"), "h1", 8);
        browser.phone(390, 844);
        browser.open("/console/wording");
        noSidewaysScroll();
    }

    @Test
    void anEditorTicksAnEntrysShopsAndKeepsItPersonalOrForTheTeam() throws IOException {
        signInAs("ed");
        browser.open("/console/entries/new");
        assertTrue(browser.exists("#entry-shops input[value=tmall-flagship]"));
        assertTrue(browser.exists("#visibility"));
        assertFalse(browser.find("#tone-versions").getText().isBlank());
        windowShot(SCREENSHOTS.resolve("console-entry-shops.en.png"), "#entry-shops", 120);
        browser.phone(390, 844);
        browser.open("/console/entries/new");
        noSidewaysScroll();
    }

    @Test
    void anAdminGivesAShopItsOwnToneMappingTriesACustomerAndGoesBackToTheSharedOne() throws IOException {
        signInAs("wei");
        browser.open("/console/tone?shop=jd");
        assertFalse(browser.exists("#rules-revert"), "the shop uses the shared mapping: nothing to drop");
        browser.click("#tone-add");
        browser.click("#tone-save"); // the new row's tag is empty: refused, the field marked, in Chinese
        browser.until(d -> browser.exists("#tone-rules [aria-invalid=true]") ? true : null);
        assertTrue(browser.find("#tone-status").getText().contains("没有保存"), browser.find("#tone-status").getText());
        windowShot(SCREENSHOTS.resolve("console-tone-error.png"), "#tone-mapping", 8);
        var rows = browser.findAll("#tone-rules tbody tr");
        rows.get(rows.size() - 1).findElement(org.openqa.selenium.By.cssSelector("[data-field=tag]")).sendKeys("京东PLUS");
        browser.click("#tone-save");
        browser.until(d -> browser.find("#tone-status").getText().contains("已保存") ? true : null);

        browser.find("#tone-try-tags").clear();
        browser.type("#tone-try-tags", "京东PLUS");
        browser.click("#tone-try-check");
        browser.until(d -> browser.find("#tone-try-result").getText().contains("京东PLUS") ? true : null);
        assertEquals("standard", browser.find("#tone-try-result").getAttribute("data-tone"), "the row added is standard");
        browser.open("/console/tone?shop=jd");
        windowShot(SCREENSHOTS.resolve("console-tone.png"), "h1", 8);
        browser.phone(390, 844);
        browser.open("/console/tone?shop=jd");
        noSidewaysScroll();
        windowShot(SCREENSHOTS.resolve("console-tone-390.png"), "#rules-revert", 8);

        browser.click("#rules-revert button");
        browser.click("#confirm-ok");
        browser.until(d -> browser.exists("#rules-revert") ? null : true);
        assertTrue(browser.find("#rules-stamp").getText().contains("通用"), browser.find("#rules-stamp").getText());
    }

    @Test
    void aLeadOfOneShopFiltersTheCaseLibraryOverdueFollowUpsApprovalsAndUsersOnAPhone() throws IOException {
        server.app().cases().create(new com.replybook.kb.cases.CaseDraft("Late parcel: empathy first", "<p>客户：包裹三天没动</p>",
                "先道歉", "被重视", "好评", List.of("物流"), List.of(), 4, "rt:1", null, null, null, "tmall-flagship"), "wei");
        signInAs("lena");
        for (String page : List.of("/console/cases", "/console/followups", "/console/approvals")) {
            browser.open(page);
            assertTrue(browser.exists("#filter-shop"), page + ": the shop filter");
        }
        browser.open("/console/cases");
        assertTrue(browser.find("#cases").getText().contains("Late parcel"), browser.find("#cases").getText());
        windowShot(SCREENSHOTS.resolve("console-cases-shop.en.png"), "h1", 8);
        browser.phone(390, 844);
        for (String page : List.of("/console/cases", "/console/followups", "/console/approvals")) {
            browser.open(page);
            noSidewaysScroll();
        }
        windowShot(SCREENSHOTS.resolve("console-approvals-shop-390.en.png"), "h1", 8);
        signInAs("wei");
        browser.open("/console/users?shop=jd");
        noSidewaysScroll();
        assertFalse(browser.find("#users").getText().contains("lena"), "a user of tmall only is not jd's");
    }

    /** The window as it is, scrolled so that {@code css} is {@code below} px from the top (as ConsoleUxIT does). */
    static void windowShot(Path file, String css, int below) throws IOException {
        browser.js("window.scrollTo(0, document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY - arguments[1]);",
                css, below);
        Files.createDirectories(file.getParent());
        Files.write(file, browser.driver().getScreenshotAs(OutputType.BYTES));
    }

    static void noSidewaysScroll() {
        List<?> w = (List<?>) browser.js("return [document.documentElement.scrollWidth, innerWidth];");
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(),
                browser.path() + ": no sideways scroll " + w);
    }
}
