package com.replybook.kb.search.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our sessions compute the vectors langchain4j's own model classes do: stored vectors stay valid under the same
 * model identifier. Loads the real models.
 */
class OnnxModelsTest {

    /** Our session of the model {@code name} in {@code jar} embeds each text as {@code theirs} does. */
    private static void assertSameVectors(Class<?> jar, String name, PoolingMode pooling, EmbeddingModel theirs,
                                          String... texts) {
        assertSameVectors(jar, name, pooling, OnnxSettings.DEFAULTS, theirs, texts);
    }

    private static void assertSameVectors(Class<?> jar, String name, PoolingMode pooling, OnnxSettings settings,
                                          EmbeddingModel theirs, String... texts) {
        EmbeddingModel ours = OnnxModels.load(jar, name, pooling, settings);
        for (String text : texts) {
            float[] expected = theirs.embed(text).content().vector();
            assertArrayEquals(expected, ours.embed(text).content().vector(), 1e-5f, text);
        }
    }

    @Test
    void meanPooledEnglishModelMatchesLangchain4j() {
        assertSameVectors(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q", PoolingMode.MEAN,
                new AllMiniLmL6V2QuantizedEmbeddingModel(), "where is my refund",
                "the parcel has not moved for three days, can you check with the courier?");
    }

    @Test
    void clsPooledChineseModelMatchesLangchain4j() {
        assertSameVectors(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q", PoolingMode.CLS,
                new BgeSmallZhV15QuantizedEmbeddingModel(), "快递三天没动了", "退款什么时候到账，我已经等了一个星期");
    }

    @Test
    void everyRuntimeSettingKeepsTheVectors() {
        var theirs = new BgeSmallZhV15QuantizedEmbeddingModel();
        for (OnnxSettings settings : java.util.List.of(new OnnxSettings(1, "none", false, false),
                new OnnxSettings(2, "basic", true, false), new OnnxSettings(1, "extended", true, true),
                new OnnxSettings(0, "all", true, true))) {
            assertSameVectors(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q", PoolingMode.CLS,
                    settings, theirs, "快递三天没动了");
        }
    }

    @Test
    void badRuntimeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OnnxSettings(-1, "all", true, true));
        assertThrows(IllegalArgumentException.class, () -> new OnnxSettings(0, "max", true, true));
    }

    @Test
    void aMissingModelFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OnnxModels.load(OnnxModelsTest.class, "no-such-model", PoolingMode.CLS,
                        OnnxSettings.DEFAULTS));
        assertTrue(e.getMessage().contains("no-such-model.onnx"), e.getMessage());
    }
}
