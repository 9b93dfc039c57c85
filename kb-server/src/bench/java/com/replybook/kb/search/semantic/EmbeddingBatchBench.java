package com.replybook.kb.search.semantic;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.replybook.kb.bench.QuerySet;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether batching query texts would pay: the CPU one text's embedding costs when the dev sets' texts run one by one
 * versus padded into batches of 2, 4 and 8 (padding masked), on one thread, per bundled model; and how far a text's
 * vector moves in a batch of 4 (the quantised models scale activations over the whole batch). Usage:
 * {@code EmbeddingBatchBench [evalDir]} (docs/performance.md, "What is left open").
 */
public final class EmbeddingBatchBench {

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        for (QuerySet set : QuerySet.all(eval)) for (QuerySet.Query q : set.queries()) (set.name().equals("zh-shop") ? zh : en).add(q.text());
        for (Embedders.Space space : Embedders.Space.values()) {
            List<String> texts = space == Embedders.Space.ZH ? zh : en;
            texts = texts.subList(0, Math.min(400, texts.size()));
            for (Embedders.Model m : space.models) {
                try (Runner r = new Runner(m)) {
                    for (int round = 0; round < 2; round++) {
                        StringBuilder line = new StringBuilder(m.name() + " round " + round + ", " + texts.size() + " texts:");
                        for (int batch : new int[] {1, 2, 4, 8}) {
                            long cpu = cpu();
                            for (int i = 0; i < texts.size(); i += batch) r.run(texts.subList(i, Math.min(texts.size(), i + batch)));
                            line.append(String.format(" b%d %.2f ms", batch, (cpu() - cpu) / 1e6 / texts.size()));
                        }
                        System.out.println(line);
                    }
                    dev.langchain4j.model.embedding.EmbeddingModel theirs = OnnxModels.load(m.jar(), m.name(), m.pooling(),
                            new OnnxSettings(1, "all", true, false));
                    for (int round = 0; round < 2; round++) {
                        long cpu = cpu();
                        for (String t : texts) theirs.embed(t);
                        System.out.printf("%s round %d, langchain4j's encoder (tokenises each text three times), one by one: %.2f ms%n",
                                m.name(), round, (cpu() - cpu) / 1e6 / texts.size());
                    }
                    double worst = 1;
                    for (int i = 0; i + 4 <= texts.size(); i += 4) {
                        float[][] batch = r.run(texts.subList(i, i + 4));
                        for (int k = 0; k < 4; k++) worst = Math.min(worst, cosine(batch[k], r.run(texts.subList(i + k, i + k + 1))[0]));
                    }
                    System.out.printf("%s: lowest cosine between a text's CLS vector alone and in a batch of 4: %.6f%n", m.name(), worst);
                }
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
        return ab / Math.sqrt(aa * bb);
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static final class Runner implements AutoCloseable {
        final OrtEnvironment env = OrtEnvironment.getEnvironment();
        final OrtSession session;
        final HuggingFaceTokenizer tokenizer;

        Runner(Embedders.Model m) throws Exception {
            try (InputStream onnx = m.jar().getResourceAsStream("/" + m.name() + ".onnx");
                 InputStream tok = m.jar().getResourceAsStream("/" + m.name() + "-tokenizer.json");
                 OrtSession.SessionOptions o = OnnxModels.sessionOptions(new OnnxSettings(1, "all", true, false), false)) {
                session = env.createSession(onnx.readAllBytes(), o);
                tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
            }
        }

        float[][] run(List<String> texts) throws Exception {
            List<Encoding> enc = new ArrayList<>();
            int len = 0;
            for (String t : texts) {
                Encoding e = tokenizer.encode(t, true, false);
                enc.add(e);
                len = Math.max(len, e.getIds().length);
            }
            long[] ids = new long[texts.size() * len], mask = new long[ids.length], types = new long[ids.length];
            for (int i = 0; i < enc.size(); i++) {
                long[] a = enc.get(i).getIds();
                System.arraycopy(a, 0, ids, i * len, a.length);
                for (int j = 0; j < a.length; j++) mask[i * len + j] = 1;
            }
            long[] shape = {texts.size(), len};
            try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
                var inputs = new java.util.HashMap<String, OnnxTensor>(Map.of("input_ids", a, "attention_mask", b));
                if (session.getInputNames().contains("token_type_ids")) inputs.put("token_type_ids", c);
                try (OrtSession.Result r = session.run(inputs)) {
                    float[][][] out = (float[][][]) r.get(0).getValue();
                    float[][] cls = new float[out.length][];
                    for (int i = 0; i < out.length; i++) cls[i] = out[i][0];
                    return cls;
                }
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            tokenizer.close();
        }
    }
}
