package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.shops.ShopError;
import com.replybook.kb.web.ApiException;

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

    /** The rules kept under {@code key}: a locale ({@code zh-CN}) or a shop's own for one ({@code zh-CN/tmall}). */
    Optional<SynonymStore.Stored> get(String key) {
        return store.get(key);
    }

    /**
     * Validates, stores and applies {@code rules} under {@code key} (see {@link #get}); {@link IllegalArgumentException}
     * names a bad line.
     */
    SynonymStore.Stored replace(String key, String rules, String user) {
        synonyms.validate(rules);
        var at = clock.instant();
        settings.write(KIND, c -> store.put(c, key, rules, at, user));
        return new SynonymStore.Stored(key, rules, at, user);
    }

    /** Removes a shop's own rules, kept under {@code key}, on every node; 404 when it kept none. */
    void remove(String key) {
        if (settings.write(KIND, c -> store.remove(c, key)) == 0) {
            throw ApiException.notFound(ShopError.SETTING_NONE_OWN, key);
        }
    }
}
