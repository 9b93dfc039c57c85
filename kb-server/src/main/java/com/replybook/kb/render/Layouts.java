package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trusted tone and channel layouts under {@code templates/}.
 *
 * <p>A tone layout {@code tone/<tone>.<locale>.ftl} only assigns the {@link #TONE_PARTS} as plain strings
 * (choosing its opener and apology by {@code emotion}); the channel layout
 * {@code channel/<channel>.<locale>.ftl} (and {@code .ftlh} for HTML email) arranges them around the
 * script's {@code body}. Parts are strings, so an HTML layout escapes them like any other value.
 */
final class Layouts {

    /** What every tone layout must assign; {@code shortOpener} (for SMS) may be empty. */
    static final List<String> TONE_PARTS = List.of(
            "greeting", "opener", "shortOpener", "closing", "thanks", "apology", "commitment", "signoff");

    /** A channel layout's output and the subject it assigned, if any. */
    record Output(String text, String subject) {}

    private final Configuration cfg;
    private final int maxChars;

    Layouts(Configuration cfg, int maxChars) {
        this.cfg = cfg;
        this.maxChars = maxChars;
    }

    /** The tone's parts for this request, as plain strings. */
    Map<String, String> toneParts(Tone tone, SupportedLocale locale, Map<String, Object> model) {
        Environment env = run("tone/" + tone.id() + "." + locale.tag() + ".ftl", model);
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : TONE_PARTS) {
            parts.put(part, string(env, part, "tone/" + tone.id() + "." + locale.tag() + ".ftl"));
        }
        return parts;
    }

    /** The channel layout's output; {@code html} selects the {@code .ftlh} variant (email only). */
    Output channel(Channel channel, SupportedLocale locale, boolean html, Map<String, Object> model) {
        String name = channelPath(channel, locale, html);
        LimitedWriter out = new LimitedWriter(maxChars);
        Environment env = run(name, model, out);
        TemplateModel subject = get(env, "subject");
        return new Output(out.toString(), subject == null ? null : string(env, "subject", name));
    }

    /** The path of a channel layout under {@code templates/}, e.g. {@code channel/email.zh-CN.ftlh}. */
    static String channelPath(Channel channel, SupportedLocale locale, boolean html) {
        return "channel/" + channel.id() + "." + locale.tag() + (html ? ".ftlh" : ".ftl");
    }

    /** Loads every layout once, so a broken or missing file fails at start-up, not on a customer's reply. */
    void checkAll() {
        for (SupportedLocale locale : SupportedLocale.values()) {
            for (Tone tone : Tone.values()) {
                template("tone/" + tone.id() + "." + locale.tag() + ".ftl");
            }
            for (Channel channel : Channel.values()) {
                template("channel/" + channel.id() + "." + locale.tag() + ".ftl");
            }
            template("channel/email." + locale.tag() + ".ftlh");
        }
    }

    private Environment run(String name, Map<String, Object> model) {
        return run(name, model, new LimitedWriter(maxChars));
    }

    private Environment run(String name, Map<String, Object> model, LimitedWriter out) {
        try {
            Environment env = template(name).createProcessingEnvironment(model, out);
            env.process();
            return env;
        } catch (TemplateException e) {
            throw new IllegalStateException("Layout templates/" + name + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Layout templates/" + name + " failed", e);
        }
    }

    private Template template(String name) {
        try {
            return cfg.getTemplate(name);
        } catch (IOException e) {
            // Missing or unparsable: a deployment error, not a script problem.
            throw new IllegalStateException("Layout templates/" + name + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static TemplateModel get(Environment env, String variable) {
        try {
            return env.getMainNamespace().get(variable);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String string(Environment env, String variable, String layout) {
        try {
            if (get(env, variable) instanceof TemplateScalarModel scalar) {
                return scalar.getAsString();
            }
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("Layout templates/" + layout + " must assign the string '" + variable + "'");
    }
}
