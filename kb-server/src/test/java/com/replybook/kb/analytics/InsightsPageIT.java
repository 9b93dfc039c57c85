package com.replybook.kb.analytics;

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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Insights page in a real Chromium, in English and Chinese, on a desktop and at a phone's 390 px: the charts
 * are there with their titles, a category drills down to its entries and the searches behind it, thresholds are
 * set with feedback next to the form. Saves {@code console-insights.png} (desktop, English) and
 * {@code console-insights-phone.png} (390 px, zh-CN) to {@code target/screenshots/} for {@code docs/}.
 */
class InsightsPageIT {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Path.of(System.getProperty("replybook.screenshots", "target/screenshots"));
    @RegisterExtension
    static final FailureReport report = new FailureReport(Path.of("target/browser-failures"));
    @TempDir
    static Path dir;
    static TestServer server;
    Browser browser;

    @BeforeAll
    static void start() {
        server = InsightsScenario.serverWithTheWeek(dir);
        ApiClient agent = server.userWithRole("ann", "agent");
        List<String> messages = List.of("快递三天没动了，很着急，到底什么时候到？", "耳机降噪失效，太失望了，要投诉",
                "你们太过分了，我很失望，不太满意", "等了一周还没到，很着急，急用", "降噪又坏了，差评，太过分了",
                "客服态度差，敷衍，气死了", "很担心收不到，赶紧处理", "Really disappointed, the noise cancelling stopped working",
                "This is unacceptable, I am furious", "包装破损，很失望", "太失望了，后悔买了", "尽快给我退款，着急");
        for (String m : messages) {
            agent.post("/api/v1/search/ticket", Map.of("messages", List.of(Map.of("author", "customer", "text", m))));
        }
        for (String[] u : List.of(new String[]{"lead.en", "en"}, new String[]{"lead.zh", "zh-CN"})) {
            var user = server.app().users().createUser(u[0], u[0], Role.LEAD, u[1]);
            server.app().passwords().setPassword(user.id(), PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    void open(String lang, int width, int height, String user) {
        browser = Browser.start(server.base(), Browser.Options.DEFAULT.withLang(lang).withWindowSize(Math.max(width, 800), height));
        report.browser(browser);
        if (width < 800) viewport(width, height); // headless Chromium keeps windows wider than a phone
        browser.open("/console/signin");
        browser.type("#username", user).type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/entries"));
        browser.open("/console/insights?days=7");
    }

    @Test
    void aLeadSeesTheChartsAndDrillsDownFromACategoryToItsEntriesAndSearches() {
        open("en-US", 1280, 1000, "lead.en");
        assertEquals("Inserts per day of the top 3 categories", browser.find("#category-trend title").getAttribute("textContent"));
        assertEquals(3, browser.findAll("#category-trend g.series polyline").size());
        assertEquals("0 2 0 3 0 0 0", String.join(" ", browser.findAll("#categories table.daily tbody tr:first-child td").stream()
                .map(td -> td.getAttribute("textContent")).toList()), "the trend's data table, day by day");
        assertEquals(List.of("降噪耳机 X2", "保温杯"), browser.findAll("#product-bars g.bar-row").stream()
                .map(g -> g.getAttribute("data-name")).toList());
        assertTrue(browser.findAll("#word-cloud text").size() >= 10, "the word cloud shows the words");
        assertEquals("disappointed", browser.find("#word-cloud text").getAttribute("class").replace("emotion-", ""),
                "the biggest word first: 失望 is the most frequent");
        assertTrue(browser.find("#alerts .alert-card").getText().contains("降噪耳机 X2"), browser.find("#alerts").getText());
        assertEquals(2, browser.findAll("#agents .agent-card").size());
        assertTrue(browser.find("#approvals").getText().contains("2 asked, 1 granted"), browser.find("#approvals").getText());
        assertTrue(browser.find("#export-csv").getAttribute("href").endsWith("/api/v1/analytics/insights.csv?days=7"));
        shot("console-insights.png", 1280, 1900);

        browser.find("#categories a.drill").click();
        browser.until(d -> browser.path().startsWith("/console/insights/category"));
        assertEquals("Category 质量/到货故障", browser.find("#category-name").getText());
        assertTrue(browser.exists("#category-trend title"), "the category's own trend");
        assertTrue(browser.exists("#category-entries tr[data-key='defect']"), browser.find("#category-entries").getText());
        assertTrue(browser.find("#category-products").getText().contains("降噪耳机 X2 5"), browser.find("#category-products").getText());
        browser.click("#back-to-insights");
        browser.until(d -> browser.path().startsWith("/console/insights?days=7"));
    }

    @Test
    void onAPhoneInChineseThePageFitsTheScreenAndALineOfTheChartDrillsDown() {
        open("zh-CN", 390, 844, "lead.zh");
        assertEquals("问题 TOP 榜（按分类）", browser.find("#categories h2").getText());
        assertTrue(browser.exists("#category-trend title") && browser.exists("#product-bars title") && browser.exists("#word-cloud title"));
        long overflow = (Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow <= 0, "no sideways scrolling at 390 px: " + overflow + " px too wide");
        long chartWidth = (Long) browser.js("return Math.round(document.getElementById('category-trend').getBoundingClientRect().width);");
        assertTrue(chartWidth >= 300 && chartWidth <= 390, "the chart takes the phone's width: " + chartWidth);
        shot("console-insights-phone.png", 390, 2400);

        WebElement line = browser.find("#category-trend a.series-link");
        browser.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", line);
        browser.until(d -> browser.path().startsWith("/console/insights/category"));
        assertTrue(browser.find("#category-name").getText().startsWith("分类 "), browser.find("#category-name").getText());
    }

    @Test
    void aThresholdIsCheckedNextToTheFormAndThenSaved() {
        open("en-US", 1280, 1000, "lead.en");
        WebElement form = browser.find("#new-rule");
        form.findElement(org.openqa.selenium.By.name("threshold")).clear();
        form.findElement(org.openqa.selenium.By.name("threshold")).sendKeys("0");
        form.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.waitFor("#new-rule .field-errors[data-field='threshold']");
        assertEquals("A whole number from 1 to 100000.", error.getText());
        assertTrue(browser.find("#rule-error").isDisplayed());

        WebElement again = browser.find("#new-rule");
        again.findElement(org.openqa.selenium.By.name("threshold")).clear();
        again.findElement(org.openqa.selenium.By.name("threshold")).sendKeys("2");
        again.findElement(org.openqa.selenium.By.name("label")).sendKeys("Cups");
        again.findElement(org.openqa.selenium.By.name("categories")).sendKeys("物流");
        again.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        browser.until(d -> browser.exists("#flash") ? true : null);
        assertEquals("Alert threshold added.", browser.find("#flash").getText());
        assertTrue(browser.path().startsWith("/console/insights"));
        assertEquals(2, browser.findAll("#alert-rules form[data-rule]").size());
        WebElement added = browser.findAll("#alert-rules form[data-rule]").get(1);
        added.findElement(org.openqa.selenium.By.cssSelector("button[value=delete]")).click();
        browser.until(d -> browser.exists("#flash") && browser.find("#flash").getText().contains("deleted") ? true : null);
        assertEquals(1, browser.findAll("#alert-rules form[data-rule]").size());
    }

    /** Emulates a phone's viewport of {@code width} × {@code height} CSS pixels (touch, mobile layout). */
    void viewport(int width, int height) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** A screenshot of the top {@code height} pixels of the page at {@code width} (a phone's when narrow). */
    void shot(String name, int width, int height) {
        Dimension before = browser.driver().manage().window().getSize();
        try {
            if (width < 800) viewport(width, height); else browser.driver().manage().window().setSize(new Dimension(width, height));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), browser.driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (width < 800) viewport(width, 844); else browser.driver().manage().window().setSize(before);
        }
    }
}
