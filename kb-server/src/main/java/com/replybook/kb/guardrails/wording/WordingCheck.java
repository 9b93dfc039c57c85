package com.replybook.kb.guardrails.wording;

import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.FieldError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The save-time wording check of an entry's script, SMS, review and tone versions, by the rules of the entry's shops
 * (each shop's own, else its locale's; an entry of every shop passes the locale's and every shop's own): a blocking phrase refuses the save
 * (the error names the field, the words found, the rule's phrase, and what to write instead, at line and column);
 * a warning phrase is a note the editor sees in the preview. Template code ({@code ${…}}, {@code <#…>}) is not text.
 */
final class WordingCheck implements ScriptCheck {

    private final Wording wording;

    WordingCheck(Wording wording) {
        this.wording = wording;
    }

    @Override
    public List<FieldError> check(String field, String text, String locale, List<String> shops) {
        return findings(field, text, locale, shops, Severity.BLOCK);
    }

    @Override
    public List<FieldError> notes(String field, String text, String locale, List<String> shops) {
        return findings(field, text, locale, shops, Severity.WARN);
    }

    /** What the rules of every shop the entry reaches find (see {@link Wording#forEntry}), each finding once. */
    private List<FieldError> findings(String field, String text, String locale, List<String> shops, Severity severity) {
        if (text == null || text.isBlank()) return List.of();
        Set<FieldError> out = new LinkedHashSet<>();
        for (WordingRules rules : wording.forEntry(SupportedLocale.resolve(locale), shops)) {
            rules.findInScript(text).stream().filter(f -> f.severity() == severity)
                    .forEach(f -> out.add(error(field, text, f)));
        }
        return List.copyOf(out);
    }

    private static FieldError error(String field, String text, Finding f) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < f.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        StringBuilder m = new StringBuilder(field).append(" contains \"").append(f.text()).append("\", which the wording rules ")
                .append(f.severity() == Severity.BLOCK ? "block" : "advise against").append(" (phrase \"")
                .append(f.phrase()).append("\")");
        if (!f.reason().isEmpty()) m.append(": ").append(f.reason());
        if (!f.suggestion().isEmpty()) m.append(". Write instead: ").append(f.suggestion());
        boolean block = f.severity() == Severity.BLOCK;
        WordingError code = f.suggestion().isEmpty() ? (block ? WordingError.BLOCKED : WordingError.ADVISED)
                : (block ? WordingError.BLOCKED_INSTEAD : WordingError.ADVISED_INSTEAD);
        FieldError coded = FieldError.of(field, code, field, f.text(), f.phrase(), f.reason(), f.suggestion());
        return new FieldError(field, m.toString(), line, f.start() - lineStart + 1, coded.reason(), coded.args());
    }
}
