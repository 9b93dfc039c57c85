package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.semantic.OnnxSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchSettingsTest {

    @Test
    void theDefaultsAreTheConfiguredDefaultsAndASettingReachesTheSearch() {
        ServerConfig defaults = ServerConfig.defaults(Path.of("data"));
        assertEquals(SearchSettings.DEFAULTS, SearchSettings.of(defaults));
        assertEquals(new SearchSettings(QueryCascade.ON, Set.of(SearchSettings.Space.EN), 0.95),
                SearchSettings.DEFAULTS);
        SearchSettings tuned = SearchSettings.of(defaults.with(ServerConfig.SEARCH_WHITENED_SPACES, Set.of("zh", "en"))
                .with(ServerConfig.SEARCH_WHITENING_SHRINKAGE, 0.9).with(ServerConfig.EMBEDDING_CASCADE, false));
        assertEquals(new SearchSettings(QueryCascade.OFF, Set.of(SearchSettings.Space.ZH, SearchSettings.Space.EN),
                0.9), tuned);
    }

    @Test
    void theEmbeddingRuntimeSettingsReachTheModels() {
        ServerConfig defaults = ServerConfig.defaults(Path.of("data"));
        assertEquals(OnnxSettings.DEFAULTS, SearchService.onnx(defaults));
        assertEquals(new OnnxSettings(1, "basic", false, false), SearchService.onnx(defaults
                .with(ServerConfig.EMBEDDING_THREADS, 1).with(ServerConfig.EMBEDDING_OPTIMIZATION, "basic")
                .with(ServerConfig.EMBEDDING_MEMORY_ARENA, false).with(ServerConfig.EMBEDDING_SHARED_THREADS, false)));
    }
}
