package com.replybook.kb.search.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Loads a model shipped in a langchain4j embedding jar into an ONNX Runtime session of our own options.
 * langchain4j's model classes keep the runtime's defaults, whose worker threads spin for a while after every run
 * waiting for more work: on a two-core server that spinning took the CPU from the searches running beside it.
 * Without it, at 100,000 entries on 2 cores, searches of texts never embedded before ran at 185–193/s instead of
 * 148–149/s, p99 20–22 ms instead of 22–31 ms (docs/performance.md). One intra-op thread instead of the default
 * (one per core) gave the same throughput and a slower single search. By default the three models share one pool
 * of threads ({@link OnnxSettings#sharedThreads}): with a pool each, concurrent searches embedding English (two
 * models) and Chinese ran up to three pools' threads on two cores. The vectors are langchain4j's to the last bit that
 * matters (OnnxModelsTest), so stored vectors keep their model identifier.
 */
final class OnnxModels {

    private static final Logger LOG = Logger.getLogger(OnnxModels.class.getName());
    private static OrtEnvironment environment;
    private static boolean sharedPool;

    private OnnxModels() {
    }

    /**
     * The model {@code name} ({@code name.onnx} and {@code name-tokenizer.json} at the root of the jar of
     * {@code jar}), its token vectors pooled by {@code pooling}, run as {@code settings} say.
     */
    static EmbeddingModel load(Class<?> jar, String name, PoolingMode pooling, OnnxSettings settings) {
        OrtEnvironment environment = environment(settings);
        try (InputStream onnx = resource(jar, name + ".onnx");
             InputStream tokenizer = resource(jar, name + "-tokenizer.json");
             OrtSession.SessionOptions options = sessionOptions(settings, settings.sharedThreads() && sharedPool())) {
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
            return new Model(encoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + name, e);
        }
    }

    /**
     * The process's ONNX Runtime environment, made by the first model loaded: with one thread pool for every model's
     * runs (its threads not spinning either) when that model's settings ask for it. Made once, it stays: a later
     * model asking for another pool runs on threads of its own, and so does every model when something else made the
     * environment first (logged once).
     */
    private static synchronized OrtEnvironment environment(OnnxSettings settings) {
        if (environment != null) return environment;
        if (settings.sharedThreads()) {
            try (OrtEnvironment.ThreadingOptions threading = new OrtEnvironment.ThreadingOptions()) {
                threading.setGlobalIntraOpNumThreads(settings.intraOpThreads()); // 0: one per core
                threading.setGlobalSpinControl(false);
                environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "replybook",
                        threading);
                sharedPool = true;
                return environment;
            } catch (IllegalStateException | OrtException e) {
                LOG.warning(() -> "The embedding models run on a thread pool each: " + e.getMessage());
            }
        }
        environment = OrtEnvironment.getEnvironment();
        return environment;
    }

    /** True when the models asking for it run on one shared thread pool (see {@link #environment}). */
    static synchronized boolean sharedPool() {
        return sharedPool;
    }

    /**
     * A model session's options: {@code settings}, no spinning of idle worker threads, on the environment's shared
     * pool when {@code sharedPool}; the caller closes them.
     */
    static OrtSession.SessionOptions sessionOptions(OnnxSettings settings, boolean sharedPool) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        settings.apply(options, sharedPool);
        return options;
    }

    private static InputStream resource(Class<?> jar, String name) {
        InputStream in = jar.getResourceAsStream("/" + name);
        if (in == null) throw new IllegalStateException("the embedding model file " + name + " is not on the class path");
        return in;
    }

    /** Embeds on the calling thread (one text at a time is all {@link Embedders} asks for). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
