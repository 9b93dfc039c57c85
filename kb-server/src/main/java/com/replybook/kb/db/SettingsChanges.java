package com.replybook.kb.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settings that every node must apply — synonyms, the tone mapping, rules and policies — carried through the
 * {@code settings_changes} table (migration V64): one row per <em>kind</em> (e.g. {@code "search.synonyms"}) whose
 * version moves in the same transaction as each change. Every node polls the table (one small query per poll
 * interval) and reloads each kind whose version moved; the node that made a change reloads at once.
 *
 * <p>A feature uses it with one line for reading and one for writing:
 * <pre>{@code
 * SharedValue<List<ToneRule>> rules = platform.settings().value("tone.mapping", store::all);
 * rules.get();                                                  // the mapping in force, from memory
 * platform.settings().write("tone.mapping", c -> store.replace(c, next)); // every node reloads it
 * }</pre>
 *
 * <p>Contract: a change committed through {@link #write} is applied on this node before {@code write} returns and on
 * every other node within one poll interval; a reload that fails is retried at the next poll (the previous value
 * stays in force meanwhile). Reloads of one kind never run concurrently. Thread-safe.
 */
public final class SettingsChanges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SettingsChanges.class.getName());

    /** One reader of a kind: what it reloads, and the version it last applied. */
    private static final class Subscription {
        final String kind;
        final Runnable reload;
        long applied;

        Subscription(String kind, Runnable reload) {
            this.kind = kind;
            this.reload = reload;
        }
    }

    private final Database db;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;

    private SettingsChanges(Database db, Clock clock, ScheduledExecutorService poller) {
        this.db = db;
        this.clock = clock;
        this.poller = poller;
    }

    /** Changes of {@code db}, polled every {@code interval} on a daemon thread until {@link #close}. */
    public static SettingsChanges polling(Database db, Clock clock, Duration interval) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settings-changes");
            t.setDaemon(true);
            return t;
        });
        SettingsChanges changes = new SettingsChanges(db, clock, poller);
        poller.scheduleWithFixedDelay(changes::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return changes;
    }

    /** Changes of {@code db} applied only when {@link #poll} is called (tools, benchmarks and tests). */
    public static SettingsChanges manual(Database db, Clock clock) {
        return new SettingsChanges(db, clock, null);
    }

    /**
     * A value of kind {@code kind}, loaded now by {@code loader} and again whenever the kind changes on any node.
     * The loader reads the database; it should be quick (it runs on the poller's thread).
     */
    public <T> SharedValue<T> value(String kind, Supplier<T> loader) {
        SharedValue<T> value = new SharedValue<>(loader);
        subscribe(kind, value::reload);
        return value;
    }

    /**
     * Runs {@code reload} now and again whenever {@code kind} changes on any node: for stores that keep more than one
     * value (e.g. the synonyms swapped into the query analysis).
     */
    public synchronized void subscribe(String kind, Runnable reload) {
        Subscription s = new Subscription(kind, reload);
        s.applied = versions().getOrDefault(kind, 0L); // read before loading: a change meanwhile is reloaded again
        reload.run();
        subscriptions.add(s);
    }

    /**
     * Runs {@code work} in one transaction with a new version of {@code kind}, then reloads the kind on this node;
     * other nodes follow within their poll interval.
     */
    public <T> T write(String kind, Database.SqlWork<T> work) {
        T result = db.inTransaction(c -> {
            T r = work.run(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings_changes (kind, version, changed_at) "
                    + "VALUES (?, 1, ?) ON CONFLICT (kind) DO UPDATE SET version = settings_changes.version + 1, "
                    + "changed_at = excluded.changed_at")) {
                ps.setString(1, kind);
                ps.setLong(2, clock.millis());
                ps.executeUpdate();
            }
            return r;
        });
        poll();
        return result;
    }

    /** Reloads every kind whose version moved since this node last applied it. */
    public synchronized void poll() {
        Map<String, Long> versions = versions();
        for (Subscription s : subscriptions) {
            long version = versions.getOrDefault(s.kind, 0L);
            if (version == s.applied) continue;
            try {
                s.reload.run();
                s.applied = version;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reloading " + s.kind + " (version " + version + ") failed; retrying at the next poll", e);
            }
        }
    }

    /** The current version of each kind that ever changed. */
    public Map<String, Long> versions() {
        return db.read(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, version FROM settings_changes");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Polling the settings changes failed; retrying at the next poll", e);
        }
    }

    /** Stops polling; values keep what they hold. */
    @Override
    public void close() {
        if (poller == null) return;
        poller.shutdown();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
