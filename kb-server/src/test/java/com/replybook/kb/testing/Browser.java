package com.replybook.kb.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (so browser and driver always match and
 * Selenium Manager never tries to download anything), with a fresh profile that is deleted on close. Start one
 * per test class and reuse it: starting Chromium costs about a second on a shared machine. Not thread-safe.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    private Browser(ChromeDriver driver, Path profile, URI base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Starts Chromium for pages under {@code base}, e.g. {@code http://127.0.0.1:41234}. */
    public static Browser start(URI base) {
        try {
            Path profile = Files.createTempDirectory("replybook-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            // Without the background-networking flags Chromium keeps calling Google services, which a closed
            // network answers only with timeouts.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1400,1000", "--lang=en-US",
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} on the server, e.g. {@code /console/entries}. */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Replaces the text of the input or textarea {@code css}. */
    public Browser type(String css, String text) {
        WebElement el = find(css);
        el.clear();
        el.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Waits (up to 15 s) until {@code condition} holds, and returns its value. Elements of a page that is being
     * replaced (after a form submit) go stale or are briefly missing mid-check; that only means "not yet".
     * Chromium does not always say so with a stale-element error: when the old document is torn down between
     * finding a node and reading it, chromedriver reports an "unknown error" whose inspector message says the
     * node no longer belongs to the document (seen in CI with Chromium 156), and that is treated the same way.
     */
    public <T> T until(ExpectedCondition<T> condition) {
        ExpectedCondition<T> toleratingDetachedNodes = d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (isDetachedNode(e)) {
                    return null;
                }
                throw e;
            }
        };
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(toleratingDetachedNodes);
    }

    private static boolean isDetachedNode(WebDriverException e) {
        String message = e.getRawMessage();
        return message != null && message.contains("does not belong to the document");
    }

    /** Waits until an element matching {@code css} is on the page, and returns it. */
    public WebElement waitFor(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Path and query of the current page, e.g. {@code /console/entries/01J…}. */
    public String path() {
        URI now = URI.create(driver.getCurrentUrl());
        return now.getRawPath() + (now.getRawQuery() == null ? "" : "?" + now.getRawQuery());
    }

    /** Forgets every cookie of the server, i.e. signs out without touching the page. */
    public Browser forgetCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Saves a PNG of the whole page (the window is stretched to the page's height) to {@code file}. */
    public void screenshot(Path file) {
        Dimension before = driver.manage().window().getSize();
        try {
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.ceil(document.documentElement.scrollHeight);");
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
