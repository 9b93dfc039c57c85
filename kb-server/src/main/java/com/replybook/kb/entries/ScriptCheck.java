package com.replybook.kb.entries;

import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an entry's script (or its SMS, review or tone version) at save time. Supplied by the features that know what
 * a script must not be, so that this package depends on none of them: the rendering feature (syntax, forbidden
 * constructs) and the guardrails feature (wording the shop never sends), composed with {@link #and}.
 *
 * <p>{@link #check} gives the problems that refuse the save (422, each naming the field, with line and column where
 * known); {@link #notes} what may be saved but the editor should see (a discouraged word), shown in the preview.
 */
@FunctionalInterface
public interface ScriptCheck {

    /**
     * Problems with {@code text}, each with {@code field} as its field; empty when it may be saved.
     *
     * @param field  the entry field checked: {@code script}, {@code smsScript}, {@code reviewScript} or
     *               {@code toneScripts.<tone>}
     * @param locale the entry's locale tag, e.g. {@code zh-CN}
     * @param shops  the entry's shops, whose rules it must pass (empty: every shop's)
     */
    List<FieldError> check(String field, String text, String locale, List<String> shops);

    /** Findings that do not refuse the save, each with {@code field} as its field; none unless overridden. */
    default List<FieldError> notes(String field, String text, String locale, List<String> shops) {
        return List.of();
    }

    /** This check and then {@code next}: the problems, and the notes, of both. */
    default ScriptCheck and(ScriptCheck next) {
        ScriptCheck first = this;
        return new ScriptCheck() {
            @Override
            public List<FieldError> check(String field, String text, String locale, List<String> shops) {
                return both(first.check(field, text, locale, shops), next.check(field, text, locale, shops));
            }

            @Override
            public List<FieldError> notes(String field, String text, String locale, List<String> shops) {
                return both(first.notes(field, text, locale, shops), next.notes(field, text, locale, shops));
            }
        };
    }

    private static List<FieldError> both(List<FieldError> a, List<FieldError> b) {
        if (b.isEmpty()) return a;
        List<FieldError> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    ScriptCheck NONE = (field, text, locale, shops) -> List.of();
}
