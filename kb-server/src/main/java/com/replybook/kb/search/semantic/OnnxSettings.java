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
 */
public record OnnxSettings(int intraOpThreads, String optimization, boolean memoryArena) {

    /** ONNX Runtime's own defaults, which the server's defaults repeat (config.ServerConfig). */
    public static final OnnxSettings DEFAULTS = new OnnxSettings(0, "all", true);

    public OnnxSettings {
        if (intraOpThreads < 0) throw new IllegalArgumentException("intraOpThreads must be 0 or more, not " + intraOpThreads);
        level(optimization);
    }

    /** {@code options} set as these settings say. */
    void apply(OrtSession.SessionOptions options) throws OrtException {
        if (intraOpThreads > 0) options.setIntraOpNumThreads(intraOpThreads);
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
