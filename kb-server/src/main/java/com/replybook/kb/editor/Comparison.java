package com.replybook.kb.editor;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.PendingRevision;
import com.replybook.kb.entries.Revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two states of an entry side by side for the diff page: each field's {@link WordDiff} rows, and the status step
 * apart (shown in words, "Draft → In review", never as text to diff). Built for the page as plain maps:
 * {@code left} and {@code right} ({@code kind} = live, proposed or version; {@code version}; {@code proposal};
 * {@code status}), {@code fields}, {@code anyChanged} and {@code statusChanged}. Immutable.
 */
final class Comparison {

    private final Map<String, Object> left;
    private final Map<String, Object> right;
    private final Entry l;
    private final Entry r;

    private Comparison(Map<String, Object> left, Entry l, Map<String, Object> right, Entry r) {
        this.left = left;
        this.right = right;
        this.l = l;
        this.r = r;
    }

    /** Two saved revisions, the older on the left. */
    static Comparison of(Revision older, Revision newer) {
        return new Comparison(side("version", older.version(), older.proposal(), older.entry()), older.entry(),
                side("version", newer.version(), newer.proposal(), newer.entry()), newer.entry());
    }

    /** What agents see now against the change proposed to it. */
    static Comparison livePending(Entry live, PendingRevision pending) {
        return new Comparison(side("live", live.version(), false, live), live,
                side("proposed", live.version(), true, pending.entry()), pending.entry());
    }

    /**
     * The entry now against its last earlier version with other text, preferring versions agents saw over
     * proposals; against itself when there is none (a new entry).
     */
    static Comparison lastChange(Entry current, List<Revision> revisions) {
        Revision before = null;
        for (Revision rev : revisions) {
            if (rev.version() >= current.version() || sameText(rev.entry(), current)) continue;
            if (!rev.proposal()) {
                before = rev;
                break;
            }
            if (before == null) before = rev;
        }
        Map<String, Object> now = side("version", current.version(), false, current);
        return before == null ? new Comparison(now, current, now, current)
                : new Comparison(side("version", before.version(), before.proposal(), before.entry()), before.entry(),
                now, current);
    }

    Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>(fields(l, r));
        m.put("left", left);
        m.put("right", right);
        m.put("statusChanged", l.status() != r.status());
        return m;
    }

    /** {@code fields}: every editable field with its rows and whether it changed; {@code anyChanged}. */
    static Map<String, Object> fields(Entry older, Entry newer) {
        Map<String, Object> a = EntryForm.of(older).values();
        Map<String, Object> b = EntryForm.of(newer).values();
        List<Map<String, Object>> fields = new ArrayList<>();
        boolean any = false;
        for (String field : a.keySet()) {
            String lt = text(a.get(field));
            String rt = text(b.get(field));
            boolean changed = !lt.equals(rt);
            any |= changed;
            fields.add(Map.of("field", field, "changed", changed, "rows", WordDiff.diff(lt, rt)));
        }
        return Map.of("fields", fields, "anyChanged", any);
    }

    private static boolean sameText(Entry x, Entry y) {
        return Objects.equals(EntryForm.of(x).values(), EntryForm.of(y).values());
    }

    private static Map<String, Object> side(String kind, long version, boolean proposal, Entry e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", kind);
        s.put("version", version);
        s.put("proposal", proposal);
        s.put("status", e.status().wire());
        return s;
    }

    private static String text(Object v) {
        return v instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }
}
