package com.replybook.kb.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our sessions compute the vectors langchain4j's own model classes do: stored vectors stay valid under the same
 * model identifier. Loads the real models.
 */
class OnnxModelsTest {

    private static void assertSameVectors(EmbeddingModel ours, EmbeddingModel theirs, String text) {
        float[] a = ours.embed(text).content().vector();
        float[] b = theirs.embed(text).content().vector();
        assertEquals(b.length, a.length);
        assertArrayEquals(b, a, 1e-5f, text);
    }

    @Test
    void meanPooledEnglishModelMatchesLangchain4j() {
        EmbeddingModel ours = OnnxModels.load(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q",
                PoolingMode.MEAN);
        EmbeddingModel theirs = new AllMiniLmL6V2QuantizedEmbeddingModel();
        assertSameVectors(ours, theirs, "where is my refund");
        assertSameVectors(ours, theirs, "the parcel has not moved for three days, can you check with the courier?");
    }

    @Test
    void clsPooledChineseModelMatchesLangchain4j() {
        EmbeddingModel ours = OnnxModels.load(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q",
                PoolingMode.CLS);
        EmbeddingModel theirs = new BgeSmallZhV15QuantizedEmbeddingModel();
        assertSameVectors(ours, theirs, "快递三天没动了");
        assertSameVectors(ours, theirs, "退款什么时候到账，我已经等了一个星期");
        assertEquals(512, ours.embed("快递三天没动了").content().vector().length);
    }

    @Test
    void aMissingModelFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OnnxModels.load(OnnxModelsTest.class, "no-such-model", PoolingMode.CLS));
        assertTrue(e.getMessage().contains("no-such-model.onnx"), e.getMessage());
    }
}
