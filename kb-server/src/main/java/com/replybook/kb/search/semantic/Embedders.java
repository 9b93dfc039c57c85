package com.replybook.kb.search.semantic;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.analysis.SimplifiedChineseCharFilter;
import com.replybook.kb.search.analysis.TextFolding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The in-process embedding models of each {@link Space}: bge-small-zh (quantised) for Chinese; for everything else
 * MiniLM-L6 and bge-small-en-v1.5 (both quantised) together, each model's embedding normalised and the two
 * concatenated (768 dimensions, normalised again: a dot product is the average of the two models' cosines). Neither
 * English model alone reaches both English targets (bge-small-en is better on Bitext, MiniLM on SOFMattress's real
 * users); together, with the query whitening, they do (docs/search-quality.md). Each model is loaded on first use
 * (0.4–3 s; MiniLM and bge-small-en take about 105 and 70 MB of native memory, the Java heap hardly grows) and then
 * shared. Chinese text is folded traditional → simplified first (the model
 * loses about 3 MRR points on traditional text otherwise). Query embeddings are cached by their folded text (agents
 * repeat queries, not always in the same width, case or script).
 * Thread-safe.
 */
public final class Embedders {

    /** One model of a space: the name of its files in its langchain4j jar, that jar (by a class of it), its pooling. */
    record Model(String name, Class<?> jar, PoolingMode pooling) {
        EmbeddingModel load(OnnxSettings onnx) {
            return OnnxModels.load(jar, name, pooling, onnx);
        }
    }

    /** A vector space: its models, their identifier and the index field of its vectors. */
    public enum Space {
        ZH("vector.zh", new Model("bge-small-zh-v1.5-q", BgeSmallZhV15QuantizedEmbeddingModel.class, PoolingMode.CLS)),
        EN("vector.en", new Model("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class, PoolingMode.MEAN),
                new Model("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel.class, PoolingMode.CLS));

        /** The field of the entries' centroids (nearest-neighbour search). */
        public final String field;
        /** The field of the entries' packed example vectors ({@link ExampleVectors}). */
        public final String examplesField;
        /**
         * Identifies the model in {@code entry_vectors.model} and in the index's commits. A new model needs a new
         * identifier: vectors of the old one are then re-embedded and the index rebuilt instead of mixing two
         * spaces, which nothing else would notice when both models have the same dimensions. A space of several
         * models names them all, joined by {@code +}.
         */
        public final String model;
        /** The space's models, in the order their embeddings are concatenated (read by the bench's EmbeddingBatchBench). */
        final List<Model> models;

        Space(String field, Model... models) {
            this.field = field;
            this.examplesField = field + ".examples";
            this.models = List.of(models);
            this.model = this.models.stream().map(Model::name).collect(Collectors.joining("+"));
        }

        /** The space of an entry: by its locale ({@code zh-*} → ZH). */
        public static Space of(Entry entry) {
            return ofLocale(entry.locale());
        }

        /** The space of a locale's entries: {@code zh-*} → ZH, any other (or none) → EN. */
        public static Space ofLocale(String locale) {
            return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? ZH : EN;
        }

        /** The space of a query: ZH as soon as it has a CJK character. */
        public static Space ofText(String text) {
            return text.codePoints().anyMatch(SearchAnalyzers::isCjk) ? ZH : EN;
        }
    }

    /**
     * The model of every space, {@code ZH=bge-small-zh-v1.5-q EN=all-minilm-l6-v2-q+bge-small-en-v1.5-q}:
     * {@link EntryVectors#models}.
     */
    static final String MODELS = Arrays.stream(Space.values()).map(s -> s + "=" + s.model)
            .collect(Collectors.joining(" "));

    static final int MAX_CHARS = 400;
    /**
     * Query vectors kept, by query form: the texts a team repeats within the hour (a ticket's suggestions each time it
     * is opened, an agent's searches again). An English text's vectors and key take about 3.5 KB, so this is about
     * 7 MB, filled within minutes of traffic and level after that (10,000 texts, 36 MB, took most of a soak's ten
     * minutes to fill: docs/performance.md, Soak).
     */
    static final int CACHE_SIZE = 2_048;

    private final OnnxSettings onnx;
    private final Set<String> leftOut;
    private final LongAdder embeddedQueries = new LongAdder();
    private final LongAdder completedQueries = new LongAdder();
    private final Map<Space, List<EmbeddingModel>> models = new java.util.EnumMap<>(Space.class);
    private final Map<String, QueryVector> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, QueryVector> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    /** With ONNX Runtime's defaults. */
    public Embedders() {
        this(OnnxSettings.DEFAULTS);
    }

    /** With every model's session run as {@code onnx} says. */
    public Embedders(OnnxSettings onnx) {
        this(onnx, Set.of());
    }

    /**
     * Only to measure a space without some of its models ({@code leftOut}, by {@link Model#name}; e.g.
     * {@code -Dsearch.eval.leaveOut=bge-small-en-v1.5-q} in {@code scripts/search-eval}): its vectors then do not
     * match the space's {@link Space#model} identifier, so they must never be stored.
     */
    public Embedders(OnnxSettings onnx, Set<String> leftOut) {
        this.onnx = onnx;
        this.leftOut = Set.copyOf(leftOut);
    }

    /**
     * A query's vector in its space. {@code complete} is false when only the first of the space's models ran
     * ({@link #firstStage}): the other models' parts are then zero, so a dot product with an entry's vector is the
     * first model's cosine over the number of models' square root. {@code first} is that model's own embedding, kept
     * to {@link #complete} the vector without running it again (null once complete).
     */
    public record QueryVector(float[] vector, boolean complete, float[] first, int models) {

        /** The first model's own cosine from a dot product with an entry's vector, when incomplete; else the dot product. */
        public double cosine(double dot) {
            return complete ? dot : dot * Math.sqrt(models);
        }
    }

    /**
     * The normalised embedding of a query by every model of its space, cached. The text is embedded in its
     * {@link #queryForm}, so texts that differ only in width, case, spacing or traditional/simplified characters
     * share one embedding: computed once, whichever of them came first.
     */
    public float[] query(String text) {
        QueryVector v = complete(text, firstStage(text));
        return v == null ? null : v.vector();
    }

    /** The query's vector as cached (complete or only the first stage), or null. */
    public QueryVector cached(String text) {
        return cache.get(queryForm(text));
    }

    /**
     * The query's vector as far as the first model of its space makes it, or as cached (complete or not): a space of
     * one model gives the complete vector. The first stage of a search that completes the vector only when this
     * one does not rank decisively (the English space's second model costs twice its first).
     */
    public QueryVector firstStage(String text) {
        String key = queryForm(text);
        QueryVector hit = cache.get(key);
        if (hit != null) return hit;
        Space space = Space.ofText(key);
        String t = prepared(space, key);
        if (t == null) return null;
        List<EmbeddingModel> parts = models(space);
        float[] first = parts.get(0).embed(t).content().vector();
        QueryVector v;
        if (parts.size() == 1) {
            v = new QueryVector(normalize(first), true, null, 1);
        } else {
            List<float[]> vectors = new ArrayList<>(parts.size());
            vectors.add(first);
            for (EmbeddingModel m : parts.subList(1, parts.size())) vectors.add(new float[m.dimension()]);
            v = new QueryVector(concatenate(vectors), false, first, parts.size());
        }
        cache.put(key, v);
        embeddedQueries.increment();
        return v;
    }

    /** {@code partial} completed by the space's other models and cached so; itself when complete already. */
    public QueryVector complete(String text, QueryVector partial) {
        if (partial == null || partial.complete()) return partial;
        String key = queryForm(text);
        Space space = Space.ofText(key);
        String t = prepared(space, key);
        List<EmbeddingModel> parts = models(space);
        List<float[]> vectors = new ArrayList<>(parts.size());
        vectors.add(partial.first());
        for (EmbeddingModel m : parts.subList(1, parts.size())) vectors.add(m.embed(t).content().vector());
        QueryVector v = new QueryVector(concatenate(vectors), true, null, parts.size());
        cache.put(key, v);
        completedQueries.increment();
        return v;
    }

    /** How many query vectors {@link #complete} has completed since this was made. */
    public long completedQueries() {
        return completedQueries.sum();
    }

    /** How many query texts {@link #firstStage} has embedded (not found among the cached vectors) since this was made. */
    public long embeddedQueries() {
        return embeddedQueries.sum();
    }

    /** What a query is embedded as and cached under: {@link TextFolding#fold folded}, at most {@link #MAX_CHARS}. */
    static String queryForm(String text) {
        String folded = TextFolding.fold(text);
        return folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
    }

    /**
     * The embedding of an entry: the normalised centroid of the embeddings of its problem and each similar question
     * (each phrasing is one sample of the intent) and those embeddings themselves; null when the entry has no text.
     */
    public EntryEmbedding entry(Entry entry) {
        List<String> texts = new ArrayList<>();
        if (entry.problem() != null && !entry.problem().isBlank()) texts.add(entry.problem());
        for (String q : entry.questions()) if (q != null && !q.isBlank()) texts.add(q);
        Space space = Space.of(entry);
        List<float[]> examples = new ArrayList<>();
        for (String t : texts) {
            float[] v = embed(space, t);
            if (v != null) examples.add(v);
        }
        if (examples.isEmpty()) return null;
        float[] sum = new float[examples.get(0).length];
        for (float[] v : examples) for (int i = 0; i < v.length; i++) sum[i] += v[i];
        return new EntryEmbedding(normalize(sum), ExampleVectors.pack(examples));
    }

    /**
     * The text an entry's vectors are computed from; stored vectors are reused while this and the space's
     * {@link Space#model} are unchanged.
     */
    static String entryText(Entry entry) {
        return Space.of(entry) + "\n" + entry.problem() + "\n" + String.join("\n", entry.questions());
    }

    private float[] embed(Space space, String text) {
        String t = prepared(space, text);
        if (t == null) return null;
        List<EmbeddingModel> parts = models(space);
        if (parts.size() == 1) return normalize(parts.get(0).embed(t).content().vector());
        List<float[]> vectors = new ArrayList<>(parts.size());
        for (EmbeddingModel m : parts) vectors.add(m.embed(t).content().vector());
        return concatenate(vectors);
    }

    /** The text as the models of {@code space} read it; null when blank (the models throw on blank text). */
    private static String prepared(Space space, String text) {
        String t = text.strip();
        if (t.isEmpty()) return null;
        if (space == Space.ZH) t = SimplifiedChineseCharFilter.fold(t);
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    private List<EmbeddingModel> models(Space space) {
        synchronized (models) {
            return models.computeIfAbsent(space, s -> {
                List<EmbeddingModel> loaded = s.models.stream().filter(m -> !leftOut.contains(m.name()))
                        .map(m -> m.load(onnx)).toList();
                if (loaded.isEmpty()) throw new IllegalStateException("every model of " + s + " is left out");
                return loaded;
            });
        }
    }

    /**
     * The vectors, each normalised, one after the other, and the whole normalised again: the dot product of two such
     * vectors is the average of the parts' cosines. A zero part stays zero (and counts as a cosine of 0).
     */
    static float[] concatenate(List<float[]> parts) {
        int dims = 0;
        for (float[] p : parts) dims += p.length;
        float[] out = new float[dims];
        int at = 0;
        for (float[] p : parts) {
            float[] n = normalize(p);
            System.arraycopy(n, 0, out, at, n.length);
            at += n.length;
        }
        return normalize(out);
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
