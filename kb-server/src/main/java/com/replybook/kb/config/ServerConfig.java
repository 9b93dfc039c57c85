package com.replybook.kb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's whole configuration, read once at startup by {@link ConfigLoader} and then immutable. Every
 * setting is declared once below, with its default and the reason for it; the loader, {@code --help} and the
 * README's table all come from these declarations.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults(dataDir).with(ServerConfig.PORT, 0);
 * }</pre>
 */
public final class ServerConfig {

    public static final Setting<Integer> PORT = Setting.integer("port", 8080, 0, 65_535,
            "HTTP port of the embedded server (0 picks a free one)");
    public static final Setting<Path> DATA_DIR = Setting.path("data-dir", "./data",
            "SQLite file, Lucene index, caches");
    public static final Setting<Boolean> NO_SAMPLE_DATA = Setting.flag("no-sample-data", false,
            "do not load the sample library into an empty database");
    public static final Setting<String> JDBC_URL = Setting.text("jdbc-url",
            "database URL, e.g. jdbc:postgresql://db.internal/replybook (unset: SQLite in the data dir)");
    public static final Setting<String> JDBC_USER = Setting.text("jdbc-user", "database user");
    public static final Setting<String> JDBC_PASSWORD = Setting.text("jdbc-password", "database password");
    public static final Setting<String> ADMIN_TOKEN = Setting.secret("admin-token", 24,
            "bootstrap admin API token, 24+ characters (unset: generated once and printed)");
    /** 64 MiB: an import of 10,000 entries fits. */
    public static final Setting<Long> MAX_REQUEST_BYTES = Setting.bytes("max-request-bytes", 64L << 20, 1024,
            "largest request body (imports of 10,000 entries fit)");
    /** A render takes milliseconds; FreeMarker has no CPU limit, so loops are cut off after this. */
    public static final Setting<Duration> RENDER_TIMEOUT = Setting.millis("render-timeout-ms", Duration.ofSeconds(2),
            "time limit for rendering one script, in milliseconds");
    public static final Setting<Path> TEMPLATES_DIR = Setting.path("templates-dir", null,
            "directory whose tone and channel layouts override the built-in ones of the same name");
    public static final Setting<Boolean> SEMANTIC_SEARCH = Setting.flag("semantic-search", true,
            "hybrid search with the in-process embedding models (false: lexical only, no model loaded)");
    /** Answers repeated searches from memory until the index or the synonyms change (at most a minute). */
    public static final Setting<Integer> SEARCH_CACHE_ENTRIES = Setting.integer("search-cache-entries", 4096, 0,
            1_000_000, "recent distinct searches answered from memory (0 turns the cache off)");
    /**
     * Tuned on the dev sets (docs/search-quality.md): whitening English queries gained on both English sets and
     * cost zh-shop R@1 with bge-small-zh, so only English.
     */
    public static final Setting<Set<String>> SEARCH_WHITENED_SPACES = Setting.subset("search-whitened-spaces", "en",
            List.of("en", "zh"), "embedding spaces whose queries are whitened (en, zh, both or none); a tuning knob");
    /** λ 0.95 suited MiniLM + bge-small-en on either half of the English sets (0.9 suited MiniLM alone). */
    public static final Setting<Double> SEARCH_WHITENING_SHRINKAGE = Setting.decimal("search-whitening-shrinkage",
            0.95, 0, 1, "weight of the isotropic part of the query whitening (1: none); a tuning knob");

    /**
     * On two cores the JIT takes a minute of searches to compile the search path, and the first hybrid search loads
     * the embedding models: replaying recent searches before health says ready spends that on no one's search. 30 s
     * takes the first 10 s after health 200 at 100,000 entries from 15–20 % of full speed to 55–65 %
     * (docs/performance.md); the replay ends sooner once the JIT has settled, and a small library is warm in seconds.
     */
    public static final Setting<Integer> SEARCH_WARM_UP_SECONDS = Setting.integer("search-warm-up-seconds", 30, 0, 300,
            "at most this many seconds of replaying recent searches after a start, before health says ready; it ends "
                    + "sooner once the JIT has compiled the search path (0: none)");
    /**
     * ONNX Runtime's own defaults (one thread per core, every graph optimisation, the CPU memory arena), kept until
     * the alternated measurements of docs/performance.md show a better setting on the machine at hand.
     */
    public static final Setting<Integer> EMBEDDING_THREADS = Setting.integer("embedding-threads", 0, 0, 64,
            "threads the embedding models run on: the shared pool's, or each model's (0: one per core)");
    public static final Setting<String> EMBEDDING_OPTIMIZATION = Setting.choice("embedding-optimization", "all",
            List.of("none", "basic", "extended", "all"), "ONNX Runtime graph optimisation level of the embedding models");
    public static final Setting<Boolean> EMBEDDING_MEMORY_ARENA = Setting.flag("embedding-memory-arena", true,
            "ONNX Runtime keeps a CPU memory arena between embedding runs (false: allocate per run, less memory)");
    /**
     * One thread pool for the three models instead of one each: concurrent searches no longer run more embedding
     * threads than there are cores (docs/performance.md).
     */
    public static final Setting<Boolean> EMBEDDING_SHARED_THREADS = Setting.flag("embedding-shared-threads", true,
            "the embedding models share one pool of --embedding-threads threads (false: a pool per model)");
    /**
     * An English query is embedded by MiniLM first and by bge-small-en (twice MiniLM's cost) only when MiniLM's
     * ranking does not back the lexical first hit ({@code QueryCascade}): on the dev sets within 0.001 MRR@10 of
     * both models for every query (docs/search-quality.md), with bge-small-en run for 17 % (Bitext) to 43 %
     * (SOFMattress) of the texts.
     */
    public static final Setting<Boolean> EMBEDDING_CASCADE = Setting.flag("embedding-cascade", true,
            "embed an English query with its second model only when the first one's ranking does not back the lexical one");

    /**
     * Behind a TLS-terminating reverse proxy the server sees plain HTTP, and every client at the proxy's address;
     * only a proxy that sets (and strips any client-sent) {@code X-Forwarded-Proto} and appends to
     * {@code X-Forwarded-For} may be trusted, so this is off unless the operator says so.
     */
    public static final Setting<Boolean> TRUST_PROXY = Setting.flag("trust-proxy", false,
            "trust X-Forwarded-Proto and X-Forwarded-For from the reverse proxy in front (the session cookie is then"
                    + " Secure behind TLS; sign-in throttling counts each client's own address)");
    /** An agent's shift has pauses; two idle hours end a forgotten session on a shared desk. */
    public static final Setting<Integer> SESSION_IDLE_MINUTES = Setting.integer("session-idle-minutes", 120, 1,
            7 * 24 * 60, "a console session ends after this many minutes without a request");
    /** A working day and a bit: nobody stays signed in on a stolen cookie for longer. */
    public static final Setting<Integer> SESSION_MAX_MINUTES = Setting.integer("session-max-minutes", 12 * 60, 1,
            30 * 24 * 60, "a console session ends this many minutes after sign-in, however active");
    /** How soon a change made on another node (entries, synonyms, the tone mapping, rules) is applied here. */
    public static final Setting<Duration> POLL_INTERVAL = Setting.millis("poll-interval-ms", Duration.ofSeconds(2),
            "how often each node reads the change log and the settings changes of the other nodes, in milliseconds");
    /** Metrics tell traffic and library size; they are not for every API token holder, so they have their own. */
    public static final Setting<String> METRICS_TOKEN = Setting.secret("metrics-token", 24,
            "bearer token for GET /metrics (Prometheus), 24+ characters (unset: /metrics refuses every scrape)");
    public static final Setting<Integer> MAX_THREADS = Setting.integer("max-threads", 0, 0, 1000,
            "request threads of the embedded server (java -jar; a servlet container sets its own); 0: 16 per CPU, at "
                    + "least 32. Requests beyond them wait in line instead of each starting a thread of its own");
    /**
     * Connections the kernel holds for the embedded server until it accepts them. Java's default of 50 overflowed in
     * a soak's burst of about 2,000 requests: the kernel then answered with SYN cookies, some of which it later
     * refused, and those requests' connections closed without an answer (docs/performance.md, Soak). Linux caps it
     * at {@code net.core.somaxconn} (4,096 by default).
     */
    public static final Setting<Integer> ACCEPT_QUEUE = Setting.integer("accept-queue", 1024, 1, 65_535,
            "connections the kernel holds for the embedded server (java -jar) until it accepts them; a servlet "
                    + "container sets its own (Tomcat: acceptCount)");
    /** Over a year, so a lead can compare a season with the same one last year; only word counts are kept. */
    public static final Setting<Integer> EMOTION_WORD_RETENTION_DAYS = Setting.integer("emotion-word-retention-days", 400,
            1, 3660, "days the daily counts of customers' emotion words are kept (the messages never are)");

    /** Every setting, in the order {@code --help} lists them. */
    public static final List<Setting<?>> SETTINGS = List.of(PORT, DATA_DIR, NO_SAMPLE_DATA, JDBC_URL, JDBC_USER,
            JDBC_PASSWORD, ADMIN_TOKEN, MAX_REQUEST_BYTES, RENDER_TIMEOUT, TEMPLATES_DIR, SEMANTIC_SEARCH,
            SEARCH_CACHE_ENTRIES, SEARCH_WHITENED_SPACES, SEARCH_WHITENING_SHRINKAGE, SEARCH_WARM_UP_SECONDS,
            EMBEDDING_THREADS, EMBEDDING_OPTIMIZATION, EMBEDDING_MEMORY_ARENA, EMBEDDING_SHARED_THREADS,
            EMBEDDING_CASCADE, TRUST_PROXY,
            SESSION_IDLE_MINUTES, SESSION_MAX_MINUTES, POLL_INTERVAL, METRICS_TOKEN, MAX_THREADS, ACCEPT_QUEUE,
            EMOTION_WORD_RETENTION_DAYS);

    private static final List<Setting<?>> SECRETS = List.of(ADMIN_TOKEN, JDBC_PASSWORD, METRICS_TOKEN);

    private final Map<Setting<?>, Object> values;

    private ServerConfig(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    /** Every default, with the given data directory; the start of every configuration. */
    public static ServerConfig defaults(Path dataDir) {
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> s : SETTINGS) values.put(s, s.defaultValue());
        return new ServerConfig(values).with(DATA_DIR, dataDir.toAbsolutePath().normalize());
    }

    /** This configuration with {@code setting} set to {@code value}; throws naming the setting when invalid. */
    public <T> ServerConfig with(Setting<T> setting, T value) {
        if (!SETTINGS.contains(setting)) throw new IllegalArgumentException("Unknown setting " + setting);
        Map<Setting<?>, Object> copy = new HashMap<>(values);
        copy.put(setting, setting.checked(value));
        return new ServerConfig(copy);
    }

    /** The value of {@code setting}; null for an unset optional one. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    public int port() {
        return get(PORT);
    }

    /**
     * The embedded server's request threads: {@link #MAX_THREADS}, or 16 per CPU and at least 32. Search and rendering
     * are CPU work, so more threads than that only queue inside the JVM, and the threads keep buffers of their own
     * (megabytes each, mostly char arrays): in a soak's burst, 200 threads (Jetty's default) held 500 MB more heap
     * and slowed the server further, 32 held 200 MB (docs/performance.md, Soak).
     */
    public int maxThreads(int cpus) {
        int set = get(MAX_THREADS);
        return set > 0 ? set : Math.max(32, 16 * cpus);
    }

    public Path dataDir() {
        return get(DATA_DIR);
    }

    public boolean sampleData() {
        return !get(NO_SAMPLE_DATA);
    }

    public boolean embeddedDatabase() {
        return jdbcUrl() == null;
    }

    public String jdbcUrl() {
        return get(JDBC_URL);
    }

    public String jdbcUser() {
        return get(JDBC_USER);
    }

    public String jdbcPassword() {
        return get(JDBC_PASSWORD);
    }

    public String adminToken() {
        return get(ADMIN_TOKEN);
    }

    public long maxRequestBytes() {
        return get(MAX_REQUEST_BYTES);
    }

    public Duration renderTimeout() {
        return get(RENDER_TIMEOUT);
    }

    /** Where deployments override layouts, or null for the built-in ones only. */
    public Path templatesDir() {
        return get(TEMPLATES_DIR);
    }

    public boolean semanticSearch() {
        return get(SEMANTIC_SEARCH);
    }

    public int searchCacheEntries() {
        return get(SEARCH_CACHE_ENTRIES);
    }

    public boolean trustProxy() {
        return get(TRUST_PROXY);
    }

    public Duration sessionIdleTimeout() {
        return Duration.ofMinutes(get(SESSION_IDLE_MINUTES));
    }

    public Duration sessionMaxAge() {
        return Duration.ofMinutes(get(SESSION_MAX_MINUTES));
    }

    public Duration pollInterval() {
        return get(POLL_INTERVAL);
    }

    /** The bearer token a metrics scraper sends, or null when metrics are not exposed. */
    public String metricsToken() {
        return get(METRICS_TOKEN);
    }

    public int emotionWordRetentionDays() {
        return get(EMOTION_WORD_RETENTION_DAYS);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ServerConfig{");
        for (Setting<?> s : SETTINGS) {
            Object v = values.get(s);
            sb.append(s.name()).append('=').append(SECRETS.contains(s) ? (v == null ? null : "***") : v)
                    .append(s == SETTINGS.getLast() ? "}" : ", ");
        }
        return sb.toString();
    }
}
