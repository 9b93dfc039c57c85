package com.replybook.kb.console;

import com.replybook.kb.web.FieldError;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's page templates ({@code console/**.ftlh} on the classpath), rendered as HTML with
 * auto-escaping on, so every {@code ${…}} is escaped unless a template explicitly says otherwise (none does).
 * The configuration is built once and hardened like the script renderer's (no {@code ?new}, no {@code ?api}),
 * although these templates are ours: a template bug must not become code execution. Thread-safe.
 *
 * <p>Every page gets {@code t(key, args…)} (UI text, see {@link Messages}), {@code date(instant)},
 * {@code problem(fieldError)} (an error in the user's language with its place in a script, see
 * {@link ErrorTexts}) and {@code fieldLabel(name)} (the label of a field such as {@code questions[2]}).
 */
final class Views {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final Configuration cfg;

    Views() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(Views.class, "/console");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    }

    /** Renders {@code name} (e.g. {@code entries/list.ftlh}) with {@code model} plus the helpers into {@code out}. */
    void render(String name, Map<String, Object> model, Messages messages, Writer out) throws IOException {
        Map<String, Object> root = new HashMap<>(model);
        root.put("t", (TemplateMethodModelEx) args -> {
            if (args.isEmpty()) throw new TemplateModelException("t(key, args…) needs a key");
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
            return messages.get(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))), rest);
        });
        // For names that come from data (a tone recorded by a help-desk), which may have no message.
        root.put("has", (TemplateMethodModelEx) args -> !args.isEmpty()
                && messages.has(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)))));
        root.put("date", (TemplateMethodModelEx) args -> {
            Object v = args.isEmpty() ? null : DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0));
            return v instanceof Instant i ? DATE.format(i) : "";
        });
        root.put("problem", (TemplateMethodModelEx) args ->
                ErrorTexts.withPlace(messages, (FieldError) DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0))));
        root.put("fieldLabel", (TemplateMethodModelEx) args -> {
            String field = String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)));
            return ErrorTexts.fieldLabel(messages, field);
        });
        root.put("lang", messages.tag());
        try {
            Template t = cfg.getTemplate(name);
            t.process(root, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("Console template " + name + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
