package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchSettingsTest {

    @Test
    void theDefaultsAreTheConfiguredDefaultsAndASettingReachesTheSearch() {
        ServerConfig defaults = ServerConfig.defaults(Path.of("data"));
        assertEquals(SearchSettings.DEFAULTS, SearchSettings.of(defaults));
        assertEquals(new SearchSettings(Set.of(SearchSettings.Space.EN), 0.95), SearchSettings.DEFAULTS);
        SearchSettings tuned = SearchSettings.of(defaults.with(ServerConfig.SEARCH_WHITENED_SPACES, Set.of("zh", "en"))
                .with(ServerConfig.SEARCH_WHITENING_SHRINKAGE, 0.9));
        assertEquals(new SearchSettings(Set.of(SearchSettings.Space.ZH, SearchSettings.Space.EN), 0.9), tuned);
    }
}
