package com.replybook.kb.console;

import com.replybook.kb.vocabulary.SupportedLocale;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's UI text in one language, from {@code i18n/console*.properties} (UTF-8). A missing key throws:
 * the guard test keeps the three bundles in step, so a gap is a bug to see, not to paper over. Immutable.
 */
public final class Messages {

    /** The console's languages; the first is the fallback. */
    public static final List<String> SUPPORTED = SupportedLocale.TAGS;
    static final String BUNDLE = "i18n.console";

    private final String tag;
    private final ResourceBundle bundle;

    private Messages(String tag, ResourceBundle bundle) {
        this.tag = tag;
        this.bundle = bundle;
    }

    /** The bundle best matching {@code languageTag} ({@code zh-HK} → zh-TW, {@code zh} → zh-CN, else en). */
    public static Messages forTag(String languageTag) {
        String tag = resolve(languageTag);
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(tag),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(tag, b);
    }

    public static String resolve(String languageTag) {
        return SupportedLocale.resolve(languageTag).tag();
    }

    public String tag() {
        return tag;
    }

    /** The text for {@code key} with {@code args} filled in ({@link MessageFormat} placeholders {0}, {1}…). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No console message '" + key + "' for " + tag
                    + "; add it to all three i18n/console*.properties", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(tag)).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
