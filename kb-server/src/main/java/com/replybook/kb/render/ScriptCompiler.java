package com.replybook.kb.render;

import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses, checks and runs editor-written scripts. Parsed scripts are cached by their text (a
 * {@link Template} is safe to share once built). Every failure becomes a {@link ScriptProblem} with the
 * script's line and column.
 */
final class ScriptCompiler {

    /** Longest script accepted: a long email body is about 2,000 characters. */
    static final int MAX_SCRIPT_CHARS = 20_000;
    private static final int CACHE_SIZE = 512;
    private static final String NAME = "script";

    private final Configuration cfg;
    private final int maxOutputChars;
    private final Map<String, Template> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ScriptCompiler(Configuration cfg, int maxOutputChars) {
        this.cfg = cfg;
        this.maxOutputChars = maxOutputChars;
    }

    /** The parsed script, ready to run; throws {@link ScriptRejectedException} when it may not run. */
    Template compile(String source) {
        return compile(NAME, source);
    }

    /**
     * A shop's own channel layout (issue 20), held to the same rules as a script (no assignments, includes or
     * imports): {@code path} ({@code channel/email.zh-CN.ftlh}) chooses its output format, HTML for {@code .ftlh}.
     */
    Template compileLayout(String path, String source) {
        return compile(path, source);
    }

    private Template compile(String name, String source) {
        String key = name + '\0' + source;
        synchronized (cache) {
            Template cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Template template = parse(name, source);
        List<ScriptProblem> problems = ScriptPolicy.check(template, source);
        if (!problems.isEmpty()) {
            throw new ScriptRejectedException(problems);
        }
        _CoreAPI.addThreadInterruptedChecks(template); // lets the time limit stop loops
        synchronized (cache) {
            cache.put(key, template);
        }
        return template;
    }

    /** Runs a compiled script, noting in {@code log}; the output is capped, errors name the line and column. */
    String run(Template script, TemplateHashModel model, RenderLog log) {
        return process(script, model, log);
    }

    /** Runs a shop's layout ({@link #compileLayout}) over the layouts' model, like a script, noting in {@code log}. */
    String runLayout(Template layout, Map<String, Object> model, RenderLog log) {
        return process(layout, model, log);
    }

    private String process(Template script, Object model, RenderLog log) {
        LimitedWriter out = new LimitedWriter(maxOutputChars);
        try {
            Environment env = script.createProcessingEnvironment(model, out);
            env.setCustomState(RenderLog.class, log); // for AmountArithmetic: which texts stand in for values
            env.process();
            return out.toString();
        } catch (LimitedWriter.LimitExceeded e) {
            throw new ScriptRejectedException(ScriptProblem.of(1, 1, ScriptError.OUTPUT_TOO_LONG, maxOutputChars));
        } catch (TemplateException e) {
            throw new ScriptRejectedException(ScriptProblems.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Template parse(String name, String source) {
        if (source.length() > MAX_SCRIPT_CHARS) {
            throw new ScriptRejectedException(ScriptProblem.of(1, 1, ScriptError.TOO_LONG, source.length(),
                    MAX_SCRIPT_CHARS));
        }
        try {
            return new Template(name, source, cfg);
        } catch (ParseException e) {
            throw new ScriptRejectedException(ScriptProblems.of(e, source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackOverflowError e) {
            throw new ScriptRejectedException(ScriptProblem.of(1, 1, ScriptError.TOO_DEEP));
        }
    }

}
