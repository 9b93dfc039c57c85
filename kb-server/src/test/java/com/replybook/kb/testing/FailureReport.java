package com.replybook.kb.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says what went on when a test fails, for tests that drive servers in other processes and a browser. Register
 * it in the test class and tell it, once the fixtures are up, which log files and which browser to report:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FailureReport report = new FailureReport(Path.of("target/e2e"));
 * ...
 * report.log("kb-server", kb.log).browser(browser);   // in @BeforeAll
 * }</pre>
 *
 * <p>Each failing test prints what every log gained while that test ran (and where the whole log is), and saves
 * the browser's screenshot, page source and console, as they were when the test ended, to the report folder
 * (named after the class and the test). A passing test prints and saves nothing, whatever ran before or after it.
 * When the class itself fails (a {@code @BeforeAll} that could not start a server, an {@code @AfterAll} that
 * could not stop one), the whole logs are printed.
 */
public final class FailureReport implements BeforeEachCallback, AfterTestExecutionCallback, TestWatcher,
        AfterAllCallback {

    /** The most of one log printed for one failure: the end of it, where the failure is. */
    static final int MAX_CHARS = 200_000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FailureReport.class);
    private static final String OFFSETS = "offsets";
    private static final String SAVED = "saved";

    private final Path dir;
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private Browser browser;

    /** Reports to {@code dir} (browser states) and standard output (logs). */
    public FailureReport(Path dir) {
        this.dir = dir;
    }

    /** Reports the log file {@code file} as {@code name}; the file need not exist yet. */
    public synchronized FailureReport log(String name, Path file) {
        logs.put(name, file);
        return this;
    }

    /** Reports {@code browser}'s state for failing tests. */
    public synchronized FailureReport browser(Browser browser) {
        this.browser = browser;
        return this;
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        Map<String, Long> offsets = new LinkedHashMap<>();
        logs.forEach((name, file) -> offsets.put(name, size(file)));
        context.getStore(NAMESPACE).put(OFFSETS, offsets);
    }

    /** The browser is saved as soon as the test method ends, before any {@code @AfterEach} moves it on. */
    @Override
    public synchronized void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) saveBrowser(context);
    }

    @Override
    public synchronized void testFailed(ExtensionContext context, Throwable cause) {
        if (context.getStore(NAMESPACE).get(SAVED) == null) saveBrowser(context); // failed outside the method
        @SuppressWarnings("unchecked")
        Map<String, Long> offsets = context.getStore(NAMESPACE).get(OFFSETS, Map.class);
        StringBuilder out = new StringBuilder("==== " + name(context) + " failed: " + cause + " ====\n");
        logs.forEach((name, file) -> {
            long from = offsets == null ? 0 : offsets.getOrDefault(name, 0L);
            out.append("---- ").append(name).append(" log while the test ran (whole log: ").append(file.toAbsolutePath())
                    .append(") ----\n").append(read(file, from));
        });
        Object saved = context.getStore(NAMESPACE).get(SAVED);
        if (saved instanceof List<?> files && !files.isEmpty()) {
            out.append("---- browser state: ").append(files).append(" ----\n");
        }
        System.out.print(out.append("==== end of ").append(name(context)).append(" ====\n"));
        System.out.flush();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        context.getExecutionException().ifPresent(cause -> {
            StringBuilder out = new StringBuilder("==== " + context.getDisplayName() + " failed: " + cause + " ====\n");
            logs.forEach((name, file) -> out.append("---- ").append(name).append(" log (").append(file.toAbsolutePath())
                    .append(") ----\n").append(read(file, 0)));
            System.out.print(out.append("==== end of ").append(context.getDisplayName()).append(" ====\n"));
            System.out.flush();
        });
    }

    private void saveBrowser(ExtensionContext context) {
        List<Path> files = browser == null ? List.of() : browser.saveState(dir, name(context));
        context.getStore(NAMESPACE).put(SAVED, files);
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The text of {@code file} from byte {@code from} on, its last {@link #MAX_CHARS} characters at most. */
    static String read(Path file, long from) {
        if (!Files.exists(file)) return "(no log at " + file + ")\n";
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(from, Files.size(file)));
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isEmpty()) return "(nothing)\n";
            if (text.length() > MAX_CHARS) {
                text = "(… " + (text.length() - MAX_CHARS) + " characters before)\n" + text.substring(text.length() - MAX_CHARS);
            }
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")\n";
        }
    }
}
