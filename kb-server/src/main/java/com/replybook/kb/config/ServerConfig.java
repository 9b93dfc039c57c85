package com.replybook.kb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The server's whole configuration, read once at startup by {@link ConfigLoader} and then immutable.
 *
 * @param port            HTTP port of the embedded launcher (default 8080; 0 picks a free port)
 * @param dataDir         holds the SQLite file, the Lucene index and the models' caches (default {@code ./data})
 * @param sampleData      load the sample library into an empty database on first start (default true)
 * @param jdbcUrl         null for the embedded SQLite file in {@code dataDir}; e.g. {@code jdbc:postgresql://db/replybook}
 * @param jdbcUser        database user for {@code jdbcUrl}
 * @param jdbcPassword    database password for {@code jdbcUrl}
 * @param adminToken      bootstrap admin token; when null, the first start creates one and prints it once
 * @param maxRequestBytes request bodies above this are refused with 413 (default 64 MiB: 10,000 entries fit)
 * @param renderTimeout   wall-clock limit for rendering one script (default 2 s)
 * @param semanticSearch  use the in-process embedding models for hybrid search (default true)
 * @param searchCacheEntries recent distinct searches answered from memory (default 4096; 0 turns the cache off)
 */
public record ServerConfig(
        int port,
        Path dataDir,
        boolean sampleData,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String adminToken,
        long maxRequestBytes,
        Duration renderTimeout,
        boolean semanticSearch,
        int searchCacheEntries) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_SEARCH_CACHE_ENTRIES = 4096;

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(renderTimeout, "renderTimeout");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (maxRequestBytes < 1024) throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        if (searchCacheEntries < 0) {
            throw new IllegalArgumentException("searchCacheEntries must be 0 or more, was " + searchCacheEntries);
        }
    }

    /** Defaults for everything, with the given data directory; handy in tests. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(DEFAULT_PORT, dataDir, true, null, null, null, null,
                DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(2), true, DEFAULT_SEARCH_CACHE_ENTRIES);
    }

    public boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, sampleData, jdbcUrl, jdbcUser, jdbcPassword, adminToken,
                maxRequestBytes, renderTimeout, semanticSearch, searchCacheEntries);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(port, dataDir, sampleData, url, user, password, adminToken,
                maxRequestBytes, renderTimeout, semanticSearch, searchCacheEntries);
    }

    public ServerConfig withSampleData(boolean load) {
        return new ServerConfig(port, dataDir, load, jdbcUrl, jdbcUser, jdbcPassword, adminToken,
                maxRequestBytes, renderTimeout, semanticSearch, searchCacheEntries);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(port, dataDir, sampleData, jdbcUrl, jdbcUser, jdbcPassword, token,
                maxRequestBytes, renderTimeout, semanticSearch, searchCacheEntries);
    }

    public ServerConfig withSemanticSearch(boolean enabled) {
        return new ServerConfig(port, dataDir, sampleData, jdbcUrl, jdbcUser, jdbcPassword, adminToken,
                maxRequestBytes, renderTimeout, enabled, searchCacheEntries);
    }
}
