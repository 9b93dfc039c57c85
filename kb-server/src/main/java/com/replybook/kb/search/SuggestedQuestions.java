package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The questions an entry could learn from agents' searches ({@link LearnedQuestions}), computed from the usage events
 * of the tickets the entry was inserted into; an editor accepts one (it becomes one of the entry's questions, in a
 * new revision, so search finds the entry by those words next time) or dismisses it for good. Thread-safe.
 */
public final class SuggestedQuestions {

    /** The events read per entry: the most recent, which is more than a busy entry's year of inserts. */
    static final int MAX_EVENTS = 20_000;
    /** The most suggestions shown for one entry. */
    static final int MAX_SHOWN = 30;

    /** A question an entry could learn: the text as agents typed it, and in how many tickets it led there. */
    public record Suggestion(String text, int tickets) {
    }

    private final Database db;
    private final EntryStore entries;
    private final Clock clock;

    public SuggestedQuestions(Database db, EntryStore entries, Clock clock) {
        this.db = db;
        this.entries = entries;
        this.clock = clock;
    }

    /** What {@code entry} could learn, the most tickets first. */
    public List<Suggestion> of(Entry entry) {
        return learned(entry).stream().limit(MAX_SHOWN).map(s -> new Suggestion(s.text(), s.tickets())).toList();
    }

    /**
     * Adds suggested question {@code text} to {@code entry}'s questions as a new revision by {@code editor}, and
     * returns the entry as saved; 422 naming {@code text} when it is not (or no longer) a suggestion of the entry, or
     * the entry has as many questions as it may.
     */
    public Entry accept(Entry entry, String text, String editor) {
        LearnedQuestions.Suggestion s = suggestion(entry, text);
        List<String> questions = new ArrayList<>(entry.questions());
        questions.add(s.text());
        EntryDraft d = EntryDraft.of(entry);
        EntryDraft next = new EntryDraft(d.key(), d.locale(), d.category(), d.tags(), d.problem(), questions, d.cause(),
                d.script(), d.smsScript(), d.reviewScript(), d.diagnostics(), d.actions(), d.status(), d.owner(),
                d.verifyEveryDays());
        return entries.update(entry.id(), next, entry.version(), editor, "question",
                "question learned from agents' searches in " + s.tickets() + " tickets: " + s.text());
    }

    /** Hides suggested question {@code text} of {@code entry} for good; 422 naming {@code text} when it is none. */
    public void dismiss(Entry entry, String text, String editor) {
        LearnedQuestions.Suggestion s = suggestion(entry, text);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO suggested_question_dismissals (entry_id, "
                    + "normalized, text, dismissed_at, dismissed_by) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (entry_id, normalized) DO NOTHING")) {
                ps.setString(1, entry.id());
                ps.setString(2, s.normalized());
                ps.setString(3, s.text());
                ps.setLong(4, clock.millis());
                ps.setString(5, editor);
                return ps.executeUpdate();
            }
        });
    }

    private LearnedQuestions.Suggestion suggestion(Entry entry, String text) {
        String norm = LearnedQuestions.normalize(text);
        Optional<LearnedQuestions.Suggestion> s = learned(entry).stream().filter(x -> x.normalized().equals(norm)).findFirst();
        if (s.isEmpty()) {
            throw ApiException.invalid(List.of(FieldError.of("text", SuggestedQuestionError.NOT_SUGGESTED, shorten(text))));
        }
        if (entry.questions().size() >= EntryDraftParser.MAX_QUESTIONS) {
            throw ApiException.invalid(List.of(FieldError.of("text", SuggestedQuestionError.FULL, entry.questions().size())));
        }
        return s.get();
    }

    private List<LearnedQuestions.Suggestion> learned(Entry entry) {
        Set<String> excluded = new HashSet<>(dismissed(entry.id()));
        excluded.add(LearnedQuestions.normalize(entry.problem()));
        entry.questions().forEach(q -> excluded.add(LearnedQuestions.normalize(q)));
        return LearnedQuestions.suggest(events(entry.id()), Map.of(entry.id(), excluded)).getOrDefault(entry.id(), List.of());
    }

    /** Typed searches and inserts of every ticket {@code entryId} was inserted into. */
    private List<LearnedQuestions.Event> events(String entryId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.helpdesk, e.ticket_id, e.created_at, e.query, "
                    + "e.entry_id, e.event_type FROM usage_events e WHERE e.helpdesk IS NOT NULL AND e.ticket_id IS NOT NULL "
                    + "AND ((e.event_type = 'search' AND e.source = 'typed' AND e.query IS NOT NULL) OR e.event_type = 'insert') "
                    + "AND EXISTS (SELECT 1 FROM usage_events i WHERE i.event_type = 'insert' AND i.entry_id = ? "
                    + "AND i.helpdesk = e.helpdesk AND i.ticket_id = e.ticket_id) "
                    + "ORDER BY e.created_at DESC LIMIT " + MAX_EVENTS)) {
                ps.setString(1, entryId);
                List<LearnedQuestions.Event> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean search = rs.getString(6).equals("search");
                        out.add(new LearnedQuestions.Event(rs.getString(1), rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)), search ? rs.getString(4) : null,
                                search ? null : rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    private List<String> dismissed(String entryId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT normalized FROM suggested_question_dismissals WHERE entry_id = ?")) {
                ps.setString(1, entryId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
