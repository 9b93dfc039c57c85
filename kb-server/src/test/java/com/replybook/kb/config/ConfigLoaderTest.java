package com.replybook.kb.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static ServerConfig load(List<String> args, Map<String, String> env, Map<String, String> props) {
        return ConfigLoader.load(args, env, props::get);
    }

    @Test
    void withNothingGivenEverySettingHasItsDeclaredDefault() {
        ServerConfig c = load(List.of(), Map.of(), Map.of());
        assertEquals(8080, c.port());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), c.dataDir());
        assertTrue(c.sampleData() && c.semanticSearch() && c.embeddedDatabase());
        assertEquals(64L << 20, c.maxRequestBytes());
        assertEquals(Duration.ofSeconds(2), c.renderTimeout());
        assertEquals(4096, c.searchCacheEntries());
        assertNull(c.templatesDir());
        assertNull(c.adminToken());
    }

    @Test
    void theEmbeddedServerHas16RequestThreadsPerCpuAndAtLeast32UnlessSet() {
        ServerConfig defaults = ServerConfig.defaults(java.nio.file.Path.of("data"));
        assertEquals(32, defaults.maxThreads(1));
        assertEquals(32, defaults.maxThreads(2));
        assertEquals(128, defaults.maxThreads(8));
        assertEquals(12, defaults.with(ServerConfig.MAX_THREADS, 12).maxThreads(8));
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverSystemProperties() {
        ServerConfig c = load(List.of("--port", "9090", "--render-timeout-ms=500"),
                Map.of("REPLYBOOK_PORT", "9000", "REPLYBOOK_SEARCH_CACHE_ENTRIES", "0", "PATH", "/usr/bin"),
                Map.of("replybook.port", "8000", "replybook.search-cache-entries", "7", "replybook.templates-dir", "/srv/t"));
        assertEquals(9090, c.port());
        assertEquals(Duration.ofMillis(500), c.renderTimeout());
        assertEquals(0, c.searchCacheEntries());
        assertEquals(Path.of("/srv/t"), c.templatesDir());
    }

    @Test
    void aBooleanFlagStandsAloneOrTakesItsValue() {
        ServerConfig c = load(List.of("--no-sample-data", "--semantic-search", "false", "--port", "1"), Map.of(), Map.of());
        assertFalse(c.sampleData());
        assertFalse(c.semanticSearch());
        assertEquals(1, c.port());
        assertFalse(load(List.of("--semantic-search=no"), Map.of(), Map.of()).semanticSearch());
    }

    @Test
    void theTemplatesDirectoryCanBeSetByFlagAndEnvironment(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertEquals(dir, load(List.of("--templates-dir", dir.toString()), Map.of(), Map.of()).templatesDir());
        assertEquals(dir, load(List.of(), Map.of("REPLYBOOK_TEMPLATES_DIR", dir.toString()), Map.of()).templatesDir());
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertMessage("Unknown option --prot", List.of("--prot", "1"), Map.of());
        assertMessage("REPLYBOOK_PROT", List.of(), Map.of("REPLYBOOK_PROT", "1"));
        assertMessage("port must be a whole number", List.of("--port", "eighty"), Map.of());
        assertMessage("port must be 0 to 65535", List.of("--port", "70000"), Map.of());
        assertMessage("admin-token must be at least 24 characters", List.of("--admin-token", "short"), Map.of());
        assertMessage("semantic-search must be true or false", List.of("--semantic-search=maybe"), Map.of());
        assertMessage("needs a value", List.of("--data-dir"), Map.of());
        assertMessage("render-timeout-ms must be positive", List.of("--render-timeout-ms", "0"), Map.of());
    }

    @Test
    void searchTuningIsReadThroughTheTypedConfig() {
        ServerConfig c = load(List.of("--search-whitened-spaces", "zh, EN", "--search-whitening-shrinkage", "0.9"),
                Map.of(), Map.of());
        assertEquals(java.util.Set.of("zh", "en"), c.get(ServerConfig.SEARCH_WHITENED_SPACES));
        assertEquals(0.9, c.get(ServerConfig.SEARCH_WHITENING_SHRINKAGE));
        assertEquals(java.util.Set.of(), load(List.of("--search-whitened-spaces="), Map.of(), Map.of())
                .get(ServerConfig.SEARCH_WHITENED_SPACES));
        assertMessage("search-whitened-spaces takes [en, zh], not 'fr'", List.of("--search-whitened-spaces", "fr"), Map.of());
        assertMessage("search-whitening-shrinkage must be above", List.of("--search-whitening-shrinkage", "0"), Map.of());
    }

    @Test
    void embeddingRuntimeSettingsAreReadAndChecked() {
        ServerConfig c = load(List.of("--embedding-threads", "1", "--embedding-optimization", "Extended",
                "--embedding-memory-arena", "false"), Map.of(), Map.of());
        assertEquals(1, c.get(ServerConfig.EMBEDDING_THREADS));
        assertEquals("extended", c.get(ServerConfig.EMBEDDING_OPTIMIZATION));
        assertEquals(false, c.get(ServerConfig.EMBEDDING_MEMORY_ARENA));
        assertMessage("embedding-optimization takes [none, basic, extended, all], not 'max'",
                List.of("--embedding-optimization", "max"), Map.of());
        assertMessage("embedding-threads must be 0 to 64", List.of("--embedding-threads", "-1"), Map.of());
    }

    @Test
    void helpListsEverySettingWithItsDefault() {
        String usage = ConfigLoader.usage();
        for (Setting<?> s : ServerConfig.SETTINGS) assertTrue(usage.contains("--" + s.name()), s.name());
        assertTrue(usage.contains("(default ./data)") && usage.contains("(default 2000)") && usage.contains("(default 8080)"),
                usage);
    }

    @Test
    void theReadmeTableListsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (Setting<?> s : ServerConfig.SETTINGS) {
            assertTrue(readme.contains("`--" + s.name() + "`"), "README misses --" + s.name());
            if (s.defaultText() != null && !Boolean.FALSE.equals(s.defaultValue())) {
                assertTrue(readme.contains("| `" + s.defaultText() + "` |"), "README misses the default of --" + s.name());
            }
        }
    }

    private static void assertMessage(String part, List<String> args, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(args, env, Map.of()));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
