package com.replybook.kb.guardrails;

import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiException;

import java.util.Optional;

/**
 * The locales guardrails keep rules for: exactly the supported ones, named by their tag in any case
 * ({@code zh-cn} and {@code zh_CN} are zh-CN); a policy for any other locale does not exist, rather than silently
 * falling back to another language's rules.
 */
public final class Locales {

    private Locales() {
    }

    /** The supported locale {@code tag} names, if any. */
    public static Optional<SupportedLocale> find(String tag) {
        if (tag == null) return Optional.empty();
        String t = tag.strip().replace('_', '-');
        for (SupportedLocale l : SupportedLocale.values()) {
            if (l.tag().equalsIgnoreCase(t)) return Optional.of(l);
        }
        return Optional.empty();
    }

    /** The locale of a request, or 422 naming {@code field}. */
    public static SupportedLocale require(String tag, String field) {
        return find(tag).orElseThrow(() -> ApiException.unprocessable(field, field + " must be one of "
                + String.join(", ", SupportedLocale.TAGS) + (tag == null ? "" : ", was '" + tag + "'"), null));
    }

    /** The locale of a path, or 404 saying which exist. */
    public static SupportedLocale inPath(String tag, String what) {
        return find(tag).orElseThrow(() -> ApiException.notFound("There is no " + what + " for '" + tag + "'; there are "
                + String.join(", ", SupportedLocale.TAGS)));
    }
}
