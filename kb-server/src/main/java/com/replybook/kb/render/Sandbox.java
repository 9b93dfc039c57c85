package com.replybook.kb.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.NullCacheStorage;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Builds the two hardened FreeMarker configurations (PRODUCT.md §4: FreeMarker is code execution by default).
 *
 * <p>Both: no {@code ?new} class resolution, no {@code ?api}, a {@link SimpleObjectWrapper} that wraps only
 * strings, numbers, maps and lists (no POJOs, no methods), errors rethrown rather than printed into the
 * reply, plain-text output unless a layout is {@code .ftlh} (HTML, auto-escaped). The script configuration
 * has an empty template loader, so {@code #include}/{@code #import} from a script find nothing even if
 * {@link ScriptPolicy} were bypassed; the layout configuration loads only {@code templates/}.
 */
final class Sandbox {

    static final Version VERSION = Configuration.VERSION_2_3_34;

    private Sandbox() {}

    /** For editor-written scripts: cannot load any template. */
    static Configuration forScripts() {
        Configuration cfg = hardened();
        cfg.setArithmeticEngine(AmountArithmetic.INSTANCE); // ?number reads amounts, nothing else
        cfg.setTemplateLoader(new StringTemplateLoader());
        cfg.setCacheStorage(new NullCacheStorage());
        return cfg;
    }

    /** For the trusted layouts: {@code templateDir} (if any) first, then the classpath {@code templates/}. */
    static Configuration forLayouts(Path templateDir) {
        Configuration cfg = hardened();
        TemplateLoader classpath = new ClassTemplateLoader(Sandbox.class.getClassLoader(), "templates");
        cfg.setTemplateLoader(templateDir == null ? classpath
                : new MultiTemplateLoader(new TemplateLoader[] {directory(templateDir), classpath}));
        return cfg;
    }

    private static Configuration hardened() {
        Configuration cfg = new Configuration(VERSION);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(VERSION));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTagSyntax(Configuration.ANGLE_BRACKET_TAG_SYNTAX);
        cfg.setInterpolationSyntax(Configuration.LEGACY_INTERPOLATION_SYNTAX);
        cfg.setLocalizedLookup(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNumberFormat("computer"); // amounts print as given: 1024, not 1,024
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        return cfg;
    }

    private static TemplateLoader directory(Path dir) {
        try {
            return new FileTemplateLoader(dir.toFile()); // refuses paths that resolve outside dir
        } catch (IOException e) {
            throw new UncheckedIOException("Template directory " + dir + " is not readable", e);
        }
    }
}
