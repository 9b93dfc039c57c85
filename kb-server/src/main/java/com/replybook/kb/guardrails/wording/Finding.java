package com.replybook.kb.guardrails.wording;

/**
 * A phrase found in a text, e.g. rule {@code (您|你|)别生气} at {@code [3, 7)} of "好的，您别生气".
 *
 * @param phrase   the rule's phrase as written
 * @param start    offset of the first character found, in UTF-16 units of the text as given
 * @param end      offset after the last character found
 * @param text     the words found, as the text has them
 */
public record Finding(String phrase, Severity severity, int start, int end, String text, String suggestion,
                      String reason) {
}
