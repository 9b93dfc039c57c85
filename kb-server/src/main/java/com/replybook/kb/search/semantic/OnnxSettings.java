package com.replybook.kb.search.semantic;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Locale;

/**
 * How ONNX Runtime runs the embedding models: checked when made, applied to every model's session.
 *
 * @param intraOpThreads threads one model run may use; 0 lets ONNX Runtime choose (one per core)
 * @param optimization   the graph optimisation level: {@code none}, {@code basic}, {@code extended} or {@code all}
 * @param memoryArena    whether the runtime keeps a CPU memory arena between runs (faster allocation, more memory)
 * @param sharedThreads  whether every model's runs share one pool of {@code intraOpThreads} threads (the process's
 *                       ONNX Runtime environment's) instead of a pool per model ({@link OnnxModels})
 */
public record OnnxSettings(int intraOpThreads, String optimization, boolean memoryArena, boolean sharedThreads) {

    /** The server's defaults (config.ServerConfig): ONNX Runtime's own, but one thread pool for every model. */
    public static final OnnxSettings DEFAULTS = new OnnxSettings(0, "all", true, true);

    public OnnxSettings {
        if (intraOpThreads < 0) throw new IllegalArgumentException("intraOpThreads must be 0 or more, not " + intraOpThreads);
        level(optimization);
    }

    /**
     * {@code options} set as these settings say; {@code sharedPool}: the session runs on the environment's shared
     * thread pool, not on threads of its own.
     */
    void apply(OrtSession.SessionOptions options, boolean sharedPool) throws OrtException {
        if (sharedPool) options.disablePerSessionThreads();
        else if (intraOpThreads > 0) options.setIntraOpNumThreads(intraOpThreads);
        options.setOptimizationLevel(level(optimization));
        options.setCPUArenaAllocator(memoryArena);
    }

    private static OrtSession.SessionOptions.OptLevel level(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case "all" -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            default -> throw new IllegalArgumentException("optimization must be none, basic, extended or all, not " + name);
        };
    }
}
