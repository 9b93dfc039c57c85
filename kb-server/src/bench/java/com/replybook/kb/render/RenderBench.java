package com.replybook.kb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Rendering every sample script in turn, in every tone and channel, with a full ticket context. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RenderBench {

    static final Map<String, Object> CONTEXT = Map.of(
            "customer", Map.of("name", "王女士"), "order", Map.of("id", "E1024", "amount", "199.00", "date", "2026-11-11"),
            "product", Map.of("name", "蓝牙耳机"), "tracking", Map.of("no", "SF1234567890", "carrier", "顺丰"),
            "agent", Map.of("name", "小美"), "shop", Map.of("name", "Replybook 旗舰店"),
            "refund", Map.of("amount", "199.00"), "coupon", Map.of("amount", "10"));
    private static final String[] TONES = {"standard", "warm", "lively", "formal"};
    private static final String[] CHANNELS = {"chat", "email", "sms", "review"};

    private ScriptRenderer renderer;
    private final List<String[]> scripts = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws IOException {
        renderer = new ScriptRenderer();
        for (String locale : List.of("zh-CN", "zh-TW", "en")) {
            try (InputStream in = RenderBench.class.getResourceAsStream("/sample/entries." + locale + ".json")) {
                for (JsonNode e : Json.MAPPER.readTree(in)) scripts.add(new String[]{e.get("script").asText(), locale});
            }
        }
    }

    @TearDown
    public void close() {
        renderer.close();
    }

    @Benchmark
    public RenderResult render() {
        int i = next++;
        String[] s = scripts.get(i % scripts.size());
        return renderer.render(new RenderRequest(s[0], s[1], TONES[i % 4], CHANNELS[(i / 4) % 4], null, CONTEXT));
    }
}
