package com.replybook.kb.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (one source package, so browser and driver
 * always match and Selenium Manager never tries to download anything), with a fresh profile that is deleted on
 * close. Start one per test class and reuse it: starting Chromium costs about a second on a shared machine.
 * Used by kb-server's console tests and, through kb-server's test-jar, by the help-desk plugin's end-to-end
 * tests. Not thread-safe.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /**
     * How a browser is started: its UI language (also sent as {@code Accept-Language}), its window size and how
     * long {@link #until} waits. {@link #DEFAULT} suits the console's pages; change what a test needs with the
     * {@code with…} methods.
     */
    public record Options(String lang, int width, int height, Duration waitUpTo) {
        public static final Options DEFAULT = new Options("en-US", 1400, 1000, Duration.ofSeconds(15));

        public Options withLang(String lang) {
            return new Options(lang, width, height, waitUpTo);
        }

        public Options withWindowSize(int width, int height) {
            return new Options(lang, width, height, waitUpTo);
        }

        public Options withWaitUpTo(Duration waitUpTo) {
            return new Options(lang, width, height, waitUpTo);
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final URI base;
    private final Duration wait;
    private final List<String> consoleLog = new ArrayList<>();
    /** The emulated phone screen ({@link #phone}), or null for the window as it is. */
    private Dimension phone;

    private Browser(ChromeDriver driver, Path profile, URI base, Duration wait) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.wait = wait;
    }

    /** True when Debian's {@code chromium} and {@code chromium-driver} are installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Starts Chromium for pages under {@code base}, e.g. {@code http://127.0.0.1:41234}, with {@link Options#DEFAULT}. */
    public static Browser start(URI base) {
        return start(base, Options.DEFAULT);
    }

    /**
     * Starts Chromium for pages under {@code base}: {@link #open} resolves paths against it (a full URL opens
     * as it is).
     */
    public static Browser start(URI base, Options options) {
        try {
            Path profile = Files.createTempDirectory("replybook-chromium-");
            ChromeOptions chrome = new ChromeOptions();
            chrome.setBinary(CHROMIUM);
            // Without the background-networking flags Chromium keeps calling Google services, which a closed
            // network answers only with timeouts.
            chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--window-size=" + options.width() + "," + options.height(),
                    "--lang=" + options.lang(), "--user-data-dir=" + profile.toAbsolutePath());
            chrome.setExperimentalOption("prefs", Map.of("intl.accept_languages", options.lang()));
            // Keeps what the pages write to the console, for consoleLog() and the failure reports.
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            chrome.setCapability("goog:loggingPrefs", logging);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, chrome);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(options.waitUpTo());
            return new Browser(driver, profile, base, options.waitUpTo());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The driver itself, for what this class does not wrap (frames, keyboard actions, element screenshots). */
    public ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code path} on the server, e.g. {@code /console/entries}, or a full URL. */
    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
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

    /** Runs {@code script} in the page; {@code arguments[i]} are {@code args}. */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs {@code script} in the page and waits until it calls {@code arguments[arguments.length - 1]}. */
    public Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Waits (15 s unless started with another {@link Options#waitUpTo()}) until {@code condition} holds, and returns
     * its value. Pages rebuild parts of their DOM (after a form submit, or as a widget's data arrives), so an
     * element can go stale or be briefly missing mid-check; that only means "not yet". Chromium does not always
     * say so with a stale-element error: when the old document is torn down between finding a node and reading
     * it, chromedriver reports an "unknown error" whose inspector message says the node no longer belongs to the
     * document (seen in CI with Chromium 156), and that is treated the same way.
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
        return new WebDriverWait(driver, wait)
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

    /** The full URL of the current page. */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Forgets every cookie of the current page's site, i.e. signs out without touching the page. */
    public Browser forgetCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /**
     * Lays pages out on a phone's screen of {@code width} × {@code height} CSS pixels, touch and all, until
     * {@link #desktop()}. Chromium's device emulation: a headless window cannot be made narrower than 500 pixels.
     */
    public Browser phone(int width, int height) {
        phone = new Dimension(width, height);
        emulate(width, height);
        return this;
    }

    /** Back to the window's own size after {@link #phone}. */
    public Browser desktop() {
        phone = null;
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        return this;
    }

    private void emulate(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Saves a PNG of the whole page (the window, or the emulated phone, stretched to the page's height) to {@code file}. */
    public void screenshot(Path file) {
        if (phone != null) {
            long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
            try {
                emulate(phone.getWidth(), (int) Math.min(height, 4000));
                write(file, driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                emulate(phone.getWidth(), phone.getHeight());
            }
            return;
        }
        Dimension before = driver.manage().window().getSize();
        try {
            long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
            write(file, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Saves a PNG of {@code element} alone to {@code file}. */
    public void screenshot(WebElement element, Path file) {
        write(file, element.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * What the pages wrote to the browser console (and the errors Chromium reported there) since the browser
     * started, oldest first, one line per message with its time and level. Only top-level pages and same-origin
     * frames: chromedriver does not see the console of a cross-origin frame (such as the Zendesk app's).
     */
    public List<String> consoleLog() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            consoleLog.add(Instant.ofEpochMilli(e.getTimestamp()) + " " + e.getLevel() + " " + e.getMessage());
        }
        return List.copyOf(consoleLog);
    }

    /**
     * Saves what a failure report needs to {@code dir}: {@code name.png} (the window as it is),
     * {@code name.html} (the URL, then the page source) and {@code name.console.txt} (the browser console).
     * Each part is saved as far as the browser still answers; returns the files written.
     */
    public List<Path> saveState(Path dir, String name) {
        List<Path> written = new ArrayList<>();
        try {
            driver.switchTo().defaultContent();
        } catch (WebDriverException e) {
            // a closed window or an open alert: save what can still be saved
        }
        saveIfPossible(dir.resolve(name + ".png"), () -> driver.getScreenshotAs(OutputType.BYTES), written);
        saveIfPossible(dir.resolve(name + ".html"), () -> bytes(driver.getCurrentUrl() + "\n" + driver.getPageSource()), written);
        saveIfPossible(dir.resolve(name + ".console.txt"), () -> bytes(String.join("\n", consoleLog()) + "\n"), written);
        return written;
    }

    private static void saveIfPossible(Path file, Supplier<byte[]> content, List<Path> written) {
        try {
            write(file, content.get());
            written.add(file);
        } catch (WebDriverException | UncheckedIOException e) {
            // the browser no longer answers: the other parts may still be saved
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
