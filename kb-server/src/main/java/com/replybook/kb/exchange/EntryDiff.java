package com.replybook.kb.exchange;

import com.replybook.kb.entries.EntryDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import row changes in an entry, field by field, in the order of {@link EntryTable#COLUMNS} (the order
 * of the spreadsheet's columns). Stateless.
 */
final class EntryDiff {

    private EntryDiff() {
    }

    /**
     * The fields whose values differ between {@code before} and {@code after}; the status only when
     * {@code withStatus} (a proposed change keeps the entry published whatever status its row names).
     */
    static List<FieldChange> between(EntryDraft before, EntryDraft after, boolean withStatus) {
        Map<String, Object> a = fields(before);
        Map<String, Object> b = fields(after);
        List<FieldChange> out = new ArrayList<>();
        for (String field : EntryTable.COLUMNS) {
            if (!withStatus && field.equals("status")) continue;
            if (!Objects.equals(a.get(field), b.get(field))) out.add(new FieldChange(field, a.get(field), b.get(field)));
        }
        return out;
    }

    /** Every field of {@code d} by its JSON name, in column order. */
    static Map<String, Object> fields(EntryDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("locale", d.locale());
        m.put("category", d.category());
        m.put("tags", d.tags());
        m.put("problem", d.problem());
        m.put("questions", d.questions());
        m.put("cause", d.cause());
        m.put("script", d.script());
        m.put("smsScript", d.smsScript());
        m.put("reviewScript", d.reviewScript());
        m.put("diagnostics", d.diagnostics());
        m.put("actions", d.actions());
        m.put("status", d.status().wire());
        m.put("owner", d.owner());
        m.put("verifyEveryDays", d.verifyEveryDays());
        return m;
    }
}
