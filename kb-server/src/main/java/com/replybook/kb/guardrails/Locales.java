package com.replybook.kb.guardrails;

import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

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
        String tags = String.join(", ", SupportedLocale.TAGS);
        return find(tag).orElseThrow(() -> tag == null
                ? ApiException.unprocessable(field, GuardrailsError.LOCALE_MISSING, field, tags)
                : ApiException.unprocessable(field, GuardrailsError.LOCALE, field, tags, tag));
    }

    /** Why {@code tag} is no locale, as a problem of {@code field} (a locale that is not supported, or none). */
    public static FieldError problem(String field, String tag) {
        String tags = String.join(", ", SupportedLocale.TAGS);
        return tag == null ? FieldError.of(field, GuardrailsError.LOCALE_MISSING, field, tags)
                : FieldError.of(field, GuardrailsError.LOCALE, field, tags, tag);
    }

    /** The locale of a path, or 404 saying which exist; {@code missing} is the 404's message, e.g. {@link GuardrailsError#NO_POLICY}. */
    public static SupportedLocale inPath(String tag, GuardrailsError missing) {
        return find(tag).orElseThrow(() -> ApiException.notFound(missing, tag, String.join(", ", SupportedLocale.TAGS)));
    }
}
