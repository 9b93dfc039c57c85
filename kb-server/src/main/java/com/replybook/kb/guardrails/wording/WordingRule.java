package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One wording rule, e.g. {@code 快递…管不了} (block): "推卸责任：客户只关心问题谁来解决" → "我马上联系快递核实…".
 *
 * @param phrase     what to find, in {@link Phrase}'s syntax
 * @param severity   block or warn
 * @param suggestion what to write instead; may be empty
 * @param reason     why the shop avoids it; may be empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WordingRule(String phrase, Severity severity, String suggestion, String reason,
                          @JsonIgnore Phrase compiled) {

    /** The rule for {@code phrase}; throws {@link IllegalArgumentException} when the phrase does not compile. */
    static WordingRule of(String phrase, Severity severity, String suggestion, String reason) {
        return new WordingRule(phrase, severity, suggestion == null ? "" : suggestion, reason == null ? "" : reason,
                Phrase.compile(phrase));
    }
}
