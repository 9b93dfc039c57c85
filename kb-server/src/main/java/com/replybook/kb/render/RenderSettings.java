package com.replybook.kb.render;

import com.replybook.kb.config.ServerConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and template source for a {@link ScriptRenderer}.
 *
 * @param templateDir    optional directory whose files override the built-in layouts of the same name
 *                       (e.g. {@code /srv/replybook/templates/tone/warm.zh-CN.ftl}); {@code null} for none
 * @param timeLimit      wall-clock limit for one render; FreeMarker has no CPU limit, so loops are
 *                       interrupted after this (default 2 s: a normal render takes milliseconds)
 * @param maxOutputChars cap on any single template's output (default 20,000: ten times a long email)
 * @param threads        render worker threads (default 2: rendering is CPU-bound and quick)
 */
public record RenderSettings(Path templateDir, Duration timeLimit, int maxOutputChars, int threads) {

    public RenderSettings {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (maxOutputChars < 1_000) {
            throw new IllegalArgumentException("maxOutputChars must be at least 1000, was " + maxOutputChars);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Built-in layouts only, the server's default time limit (2 s), 20,000 characters, 2 threads. */
    public static RenderSettings defaults() {
        return new RenderSettings(null, ServerConfig.RENDER_TIMEOUT.defaultValue(), 20_000, 2);
    }

    /** These settings with layouts overridable from {@code dir}. */
    public RenderSettings withTemplateDir(Path dir) {
        return new RenderSettings(dir, timeLimit, maxOutputChars, threads);
    }

    /** These settings with another time limit. */
    public RenderSettings withTimeLimit(Duration limit) {
        return new RenderSettings(templateDir, limit, maxOutputChars, threads);
    }
}
