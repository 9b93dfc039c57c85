package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.search.analysis.Synonyms;

import java.time.Clock;
import java.util.Optional;

/**
 * Synonyms kept in the knowledge base and put in force without a restart, on every node: a change is validated,
 * stored with a new version of {@value #KIND} ({@link SettingsChanges}), and every node (this one at once, the
 * others within their poll interval) swaps the stored rules into its query analysis. Thread-safe.
 */
final class SynonymService {

    /** The kind of shared setting the synonyms are. */
    static final String KIND = "search.synonyms";

    private final SynonymStore store;
    private final Synonyms synonyms = Synonyms.none();
    private final SettingsChanges settings;
    private final Clock clock;

    SynonymService(Database db, Clock clock, SettingsChanges settings) {
        this.store = new SynonymStore(db);
        this.clock = clock;
        this.settings = settings;
        settings.subscribe(KIND, () -> synonyms.replaceAll(store.all()));
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
        settings.write(KIND, c -> store.put(c, locale, rules, at, user));
        return new SynonymStore.Stored(locale, rules, at, user);
    }
}
