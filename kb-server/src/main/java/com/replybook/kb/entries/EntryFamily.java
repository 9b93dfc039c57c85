package com.replybook.kb.entries;

import java.util.regex.Pattern;

/**
 * The locale versions of one entry form a family: their keys differ only in a locale suffix, e.g.
 * {@code refund-timing.zh-cn}, {@code refund-timing.zh-tw} and {@code refund-timing.en} are the family
 * {@code refund-timing}. A key without a locale suffix is a family of its own. Stateless.
 */
public final class EntryFamily {

    /** A BCP 47 tag as keys spell it: lower case, e.g. {@code en}, {@code zh-cn}, {@code zh-hant-tw}. */
    private static final Pattern LOCALE_SUFFIX = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private EntryFamily() {
    }

    /** {@code logistics-delay.zh-cn} → {@code logistics-delay}; {@code logistics-delay} → itself. */
    public static String of(String key) {
        int dot = key.lastIndexOf('.');
        if (dot <= 0) return key;
        return LOCALE_SUFFIX.matcher(key.substring(dot + 1)).matches() ? key.substring(0, dot) : key;
    }
}
