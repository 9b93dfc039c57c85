package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.search.analysis.Synonyms;

import java.time.Clock;
import java.util.Optional;

/**
 * Synonyms kept in the knowledge base and put in force without a restart: a change is validated, stored, then
 * swapped into the query analyzer. Thread-safe.
 */
final class SynonymService {

    private final SynonymStore store;
    private final Synonyms synonyms;
    private final Clock clock;

    SynonymService(Database db, Clock clock) {
        this.store = new SynonymStore(db);
        this.synonyms = new Synonyms(store.all());
        this.clock = clock;
    }

    Synonyms synonyms() {
        return synonyms;
    }

    Optional<SynonymStore.Stored> get(String locale) {
        return store.get(locale);
    }

    /** Validates, stores and applies {@code rules}; {@link IllegalArgumentException} names a bad line. */
    SynonymStore.Stored replace(String locale, String rules, String user) {
        synonyms.validate(rules);
        var at = clock.instant();
        store.put(locale, rules, at, user);
        synonyms.replace(locale, rules);
        return new SynonymStore.Stored(locale, rules, at, user);
    }
}
