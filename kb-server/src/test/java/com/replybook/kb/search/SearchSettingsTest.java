package com.replybook.kb.search;

import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.QueryWhitening;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchSettingsTest {

    @Test
    void theDefaultsWhitenEnglishQueriesOnly() {
        assertEquals(new QueryWhitening.Settings(Set.of(Embedders.Space.EN), 0.95),
                SearchSettings.DEFAULTS.whitening());
    }

    @Test
    void everySpaceIsASpaceOfTheModels() {
        assertEquals(Arrays.stream(Embedders.Space.values()).map(Enum::name).toList(),
                Arrays.stream(SearchSettings.Space.values()).map(Enum::name).toList());
        assertEquals(Set.of(Embedders.Space.values()),
                new SearchSettings(Set.of(SearchSettings.Space.values()), 0.9).whitening().spaces());
        assertEquals(Set.of(), new SearchSettings(Set.of(), 0.9).whitening().spaces());
    }

    @Test
    void theShrinkageIsAboveZeroAndAtMostOne() {
        new SearchSettings(Set.of(), 1);
        for (double wrong : new double[]{0, -0.1, 1.01, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new SearchSettings(Set.of(), wrong));
            assertEquals("whiteningShrinkage must be above 0 and at most 1, not " + wrong, e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> new SearchSettings(null, 0.95));
    }
}
