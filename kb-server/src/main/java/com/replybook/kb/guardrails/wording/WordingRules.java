package com.replybook.kb.guardrails.wording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One locale's wording rules, compiled: finds every rule's phrases in a text or a script. Immutable and thread-safe.
 *
 * <pre>{@code
 * rules.find("非常抱歉，但是快递的事我们管不了")
 * // → [抱歉…但是 (warn) at 2..7, 快递…管不了 (block) at 7..16]
 * }</pre>
 */
public final class WordingRules {

    /** FreeMarker's interpolations, directives and comments: values the text only gets when rendered. */
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{[^}]*}|#\\{[^}]*}|<#--.*?-->|</?[#@][^>]*>",
            Pattern.DOTALL);

    private final String locale;
    private final List<WordingRule> rules;

    WordingRules(String locale, List<WordingRule> rules) {
        this.locale = locale;
        this.rules = List.copyOf(rules);
    }

    String locale() {
        return locale;
    }

    List<WordingRule> rules() {
        return rules;
    }

    /** Every finding in {@code text}, by position; where several rules find the same words, block first. */
    public List<Finding> find(String text) {
        return find(NormalizedText.of(text));
    }

    /** Every finding in the words of a script, its {@code ${…}} and {@code <#…>} left out of the matching. */
    List<Finding> findInScript(String script) {
        List<int[]> masked = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(script);
        while (m.find()) masked.add(new int[] {m.start(), m.end()});
        return find(NormalizedText.of(script, masked));
    }

    private List<Finding> find(NormalizedText text) {
        Map<String, Finding> found = new LinkedHashMap<>();
        for (WordingRule rule : rules) {
            for (int[] at : rule.compiled().find(text)) {
                Finding f = new Finding(rule.phrase(), rule.severity(), at[0], at[1],
                        text.original().substring(at[0], at[1]), rule.suggestion(), rule.reason());
                found.merge(at[0] + ":" + at[1], f, (a, b) -> a.severity().compareTo(b.severity()) <= 0 ? a : b);
            }
        }
        List<Finding> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::severity).thenComparingInt(Finding::end));
        return out;
    }
}
