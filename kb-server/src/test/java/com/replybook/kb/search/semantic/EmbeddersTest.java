package com.replybook.kb.search.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The concatenation of several models' embeddings (the English space), its first stage and the query cache. */
class EmbeddersTest {

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void concatenationNormalisesEachPartThenTheWhole() {
        float[] v = Embedders.concatenate(List.of(new float[]{3, 4}, new float[]{0, 0, 10}));
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{0.6f * h, 0.8f * h, 0, 0, h}, v, 1e-6f);
        assertEquals(1f, dot(v, v), 1e-6f);
    }

    @Test
    void dotProductOfConcatenationsIsTheAverageOfThePartsCosines() {
        float[] a1 = {1, 0, 0}, a2 = {0.6f, 0.8f};
        float[] b1 = {0, 2, 0}, b2 = {6, 8};
        float[] a = Embedders.concatenate(List.of(a1, a2));
        float[] b = Embedders.concatenate(List.of(b1, b2));
        assertEquals((0f + 1f) / 2, dot(a, b), 1e-6f, "cosines 0 (first model) and 1 (second)");
    }

    @Test
    void aZeroPartStaysZero() {
        float[] v = Embedders.concatenate(List.of(new float[]{0, 0}, new float[]{0, 5}));
        assertArrayEquals(new float[]{0, 0, 0, 1}, v, 1e-6f);
    }

    @Test
    void englishSpaceNamesBothModels() {
        assertEquals("all-minilm-l6-v2-q+bge-small-en-v1.5-q", Embedders.Space.EN.model);
    }

    @Test
    void queriesDifferingOnlyInWidthCaseSpacingOrScriptShareOneEmbedding() {
        assertEquals(Embedders.queryForm("发错货了 sf"), Embedders.queryForm("  發錯貨了\u3000ＳＦ "));
        Embedders embedders = new Embedders();
        float[] first = embedders.query("  發錯貨了\u3000ＳＦ ");
        assertSame(first, embedders.query("发错货了 sf"), "embedded once, then answered from the cache");
        assertEquals(1, embedders.embeddedQueries(), "one text embedded, the variant counted as cached");
        assertArrayEquals(first, new Embedders().query("发错货了 sf"), 0f, "the same vector whichever variant came first");
    }

    @Test
    void aQueryIsEmbeddedInItsFoldedForm() {
        Embedders embedders = new Embedders();
        assertArrayEquals(embedders.query("where is my parcel"), new Embedders().query("Where IS my  Ｐarcel"), 0f);
    }

    @Test
    void anEnglishFirstStageHoldsMiniLmAloneAndCompletesToTheVectorOfBothModels() {
        Embedders embedders = new Embedders();
        Embedders.QueryVector first = embedders.firstStage("where is my parcel");
        assertFalse(first.complete());
        assertEquals(768, first.vector().length);
        float[] miniLm = new Embedders(OnnxSettings.DEFAULTS, java.util.Set.of("bge-small-en-v1.5-q"))
                .query("where is my parcel");
        assertArrayEquals(miniLm, java.util.Arrays.copyOfRange(first.vector(), 0, 384), 1e-6f, "MiniLM's part");
        assertArrayEquals(new float[384], java.util.Arrays.copyOfRange(first.vector(), 384, 768), 0f,
                "bge-small-en's part zero until completed");
        assertEquals(0.5, first.cosine(0.5 / Math.sqrt(2)), 1e-9, "MiniLM's own cosine from a dot product");
        assertSame(first, embedders.firstStage("Where IS my parcel"), "cached as far as it went");

        Embedders.QueryVector whole = embedders.complete("where is my parcel", first);
        assertTrue(whole.complete());
        assertArrayEquals(new Embedders().query("where is my parcel"), whole.vector(), 0f,
                "the same vector as both models run at once");
        assertSame(whole, embedders.firstStage("where is my parcel"), "the completed vector replaces it in the cache");
        assertSame(whole, embedders.complete("where is my parcel", whole));
        assertEquals(1, embedders.embeddedQueries());
        assertEquals(1, embedders.completedQueries());

        Embedders.QueryVector chinese = embedders.firstStage("快递三天没动了");
        assertTrue(chinese.complete(), "the Chinese space has one model");
        assertEquals(1, embedders.completedQueries());
    }

    @Test
    void aSpaceMeasuredWithoutOneOfItsModelsEmbedsWithTheOthersAlone() {
        Embedders miniLm = new Embedders(OnnxSettings.DEFAULTS, java.util.Set.of("bge-small-en-v1.5-q"));
        assertEquals(384, miniLm.query("where is my parcel").length, "MiniLM's dimensions only");
        assertEquals(768, new Embedders().query("where is my parcel").length, "both models' by default");
        Embedders none = new Embedders(OnnxSettings.DEFAULTS, java.util.Set.of("bge-small-zh-v1.5-q"));
        assertThrows(IllegalStateException.class, () -> none.query("快递三天没动了"));
    }
}
