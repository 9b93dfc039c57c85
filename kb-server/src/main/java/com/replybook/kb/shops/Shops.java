package com.replybook.kb.shops;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.db.SharedValue;
import com.replybook.kb.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shops every node knows, held in memory as a {@link SharedValue} of kind {@value #KIND}: a look-up reads no
 * database, and a shop created or changed on any node is known on all within their poll interval. Other features
 * use it to check the shops a request names ({@link KnownShops#requested}) and to read a shop's voice. Thread-safe.
 */
public final class Shops implements KnownShops {

    /** The kind of shared setting the shops are. */
    static final String KIND = "shops.list";

    private final SettingsChanges settings;
    private final Clock clock;
    private final SharedValue<Map<String, Shop>> shops;

    Shops(ShopStore store, SettingsChanges settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.shops = settings.value(KIND, store::load);
    }

    /** Every shop, in key order. */
    public List<Shop> all() {
        return List.copyOf(shops.get().values());
    }

    /** The shops {@code reader} works for, in key order: every shop for a reader not limited to some. */
    public List<Shop> of(Principal reader) {
        return all().stream().filter(s -> reader.worksFor(s.key())).toList();
    }

    @Override
    public Map<String, String> namesFor(Principal reader) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Shop s : of(reader)) out.put(s.key(), s.name());
        return out;
    }

    public Optional<Shop> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(shops.get().get(key));
    }

    @Override
    public boolean exists(String key) {
        return key != null && shops.get().containsKey(key);
    }

    /** The keys among {@code keys} that name no shop, in their order. */
    public List<String> unknown(Collection<String> keys) {
        return keys.stream().filter(k -> !exists(k)).toList();
    }

    /** Stores a new shop; 409 naming {@code key} when the key is taken. */
    Shop create(ShopDraft d, String actor) {
        Instant now = clock.instant();
        Shop shop = new Shop(d.key(), d.name(), d.locales(), d.signature(), d.greetings(), d.closings(), d.layouts(),
                1, now, actor, now, actor);
        settings.write(KIND, c -> {
            if (exists(d.key()) || keyTaken(c, d.key())) {
                throw ApiException.of(409, "conflict", "key", ShopError.KEY_TAKEN, null, d.key());
            }
            ShopStore.insert(c, shop);
            return null;
        });
        return shop;
    }

    /** Replaces shop {@code current}'s fields with {@code d}; 409 when {@code expectedVersion} is not the current one. */
    Shop update(Shop current, ShopDraft d, long expectedVersion, String actor) {
        if (expectedVersion != current.version()) throw stale(current.version());
        Shop next = new Shop(current.key(), d.name(), d.locales(), d.signature(), d.greetings(), d.closings(),
                d.layouts(), current.version() + 1, current.createdAt(), current.createdBy(), clock.instant(), actor);
        settings.write(KIND, c -> {
            if (!ShopStore.update(c, next)) throw stale(current.version() + 1);
            return null;
        });
        return next;
    }

    private static boolean keyTaken(java.sql.Connection c, String key) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM shops WHERE shop_key = ?")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ApiException stale(long current) {
        return ApiException.conflict(ShopError.CHANGED, Map.of("currentVersion", current), current);
    }
}
