package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collections as training: agents read the published ones (editors and up every one) with their cases and entries,
 * and mark them studied; each person sees their own marks, leads everyone's. A person is the caller, and the
 * help-desk's agent a bridge names for it ({@code agent}), so agents sharing a bridge token keep their own marks.
 * A collection an agent may not read is "not found"; a reader limited to shops sees no case or entry of another shop
 * in any collection ({@link CollectionScope}). Thread-safe.
 */
final class Training {

    /** Who is studying: the kb-server user, and the help-desk's name for the agent (else the user again). */
    record Learner(String user, String agent) {
        static Learner of(Principal p, String agent) {
            return new Learner(p.username(), agent == null || agent.isBlank() ? p.username() : agent.strip());
        }
    }

    private final CaseStore cases;
    private final StudyStore studies;
    private final EntryStore entries;
    private final CollectionScope scope;
    private final Clock clock;

    Training(CaseStore cases, StudyStore studies, EntryStore entries, CollectionScope scope, Clock clock) {
        this.cases = cases;
        this.studies = studies;
        this.entries = entries;
        this.scope = scope;
        this.clock = clock;
    }

    /** The collections {@code p} may read, by name, each with the items {@code p} may see. */
    List<CaseCollection> collections(Principal p) {
        return cases.collections().stream().filter(c -> p.can(Role.EDITOR) || c.published())
                .map(c -> scope.visibleTo(p, c)).toList();
    }

    /** Collection {@code id} with the items {@code p} may see, if {@code p} may read it; 404 otherwise. */
    CaseCollection collection(Principal p, String id) {
        return cases.collection(id).filter(c -> p.can(Role.EDITOR) || c.published()).map(c -> scope.visibleTo(p, c))
                .orElseThrow(() -> ApiException.notFound(CaseError.COLLECTION_NOT_FOUND, id));
    }

    /** When {@code learner} studied each collection they marked, by collection id. */
    Map<String, Instant> studiedBy(Learner learner) {
        return studies.find(null, learner.user(), learner.agent()).stream()
                .collect(Collectors.toMap(Study::collectionId, Study::studiedAt, (a, b) -> a));
    }

    Instant markStudied(Principal p, Learner learner, String id) {
        return studies.mark(collection(p, id).id(), learner.user(), learner.agent(), clock.instant());
    }

    void unmarkStudied(Principal p, Learner learner, String id) {
        studies.unmark(collection(p, id).id(), learner.user(), learner.agent());
    }

    /**
     * The marks {@code p} may see, narrowed to one collection and one agent when those are not null: a lead's
     * are everyone's, anyone else's only their own.
     */
    List<Study> studies(Principal p, Learner self, String collectionId, String agent) {
        if (p.can(Role.LEAD)) return studies.find(collectionId, null, agent);
        return studies.find(collectionId, self.user(), self.agent());
    }

    /**
     * What a reader sees of the collection's items, in order: a case with its conversation (also as plain text,
     * {@code excerptText}, for readers that show text only) and why it worked, an entry with its problem, cause,
     * script and actions. Entries {@code p} may not read (not published, another shop's) and cases of another shop
     * are left out.
     */
    List<Map<String, Object>> items(Principal p, CaseCollection c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CollectionItem item : c.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", item.type());
            m.put("ref", item.ref());
            m.put("title", item.title());
            if (item.type().equals("case")) {
                Optional<Case> found = cases.find(item.ref()).filter(x -> x.readableBy(p));
                if (found.isEmpty()) continue;
                m.put("case", found.get());
                m.put("excerptText", ExcerptSanitizer.toText(found.get().excerptHtml()));
            } else {
                Optional<Entry> found = entries.find(item.ref()).filter(e -> EntryAccess.mayRead(p, e));
                if (found.isEmpty()) continue;
                m.put("entry", entryView(found.get()));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> entryView(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("key", e.key());
        m.put("locale", e.locale());
        m.put("category", e.category());
        m.put("problem", e.problem());
        m.put("cause", e.cause());
        m.put("script", e.script());
        m.put("diagnostics", e.diagnostics());
        m.put("actions", e.actions());
        return m;
    }

    /** How many of each item type {@code c} holds, e.g. {@code {case=3, entry=2}}. */
    static Map<String, Long> counts(CaseCollection c) {
        return c.items().stream().collect(Collectors.groupingBy(CollectionItem::type, LinkedHashMap::new, Collectors.counting()));
    }
}
