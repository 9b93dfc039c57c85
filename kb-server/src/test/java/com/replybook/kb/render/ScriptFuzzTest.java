package com.replybook.kb.render;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.replybook.kb.testing.Leaks;
import org.junit.jupiter.api.AfterAll;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The script sandbox under arbitrary scripts and ticket values (Jazzer): validating never throws and words every
 * problem for an editor ({@link Leaks}: no class or library names), and rendering
 * either answers a reply no longer than the output cap or refuses with one of the declared exceptions
 * ({@link ScriptRejectedException}, {@link InvalidRenderRequestException}, {@link RendererBusyException}); nothing
 * else escapes. The seed corpus (known attacks among them) runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ScriptFuzzTest {

    static final RenderSettings SETTINGS = RenderSettings.defaults();
    static final ScriptRenderer RENDERER = new ScriptRenderer(SETTINGS);
    static final List<String> LOCALES = List.of("zh-CN", "zh-TW", "en", "zh-HK", "fr", "");
    static final List<String> TONES = List.of("standard", "warm", "lively", "formal", "shouting");
    static final List<String> CHANNELS = List.of("chat", "email", "sms", "review", "fax");
    static final List<String> EMOTIONS = List.of("angry", "anxious", "disappointed", "neutral", "bored");
    static final List<String> VARIABLES = List.of("customer.name", "order.id", "order.amount", "order.date",
            "tracking.no", "tracking.carrier", "refund.amount", "coupon.amount", "agent.name", "shop.name");

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @FuzzTest(maxDuration = "60s")
    void validatingAScriptOnlyEverAnswersProblems(byte[] utf8) {
        String script = new String(utf8, StandardCharsets.UTF_8);
        for (ScriptProblem p : RENDERER.validate(script)) {
            assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
            Leaks.assertPlain(p.message());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void renderingStaysInTheSandboxAndWithinTheOutputCap(FuzzedDataProvider data) {
        Map<String, Object> context = new LinkedHashMap<>();
        int values = data.consumeInt(0, 6);
        for (int i = 0; i < values; i++) {
            String[] path = data.pickValue(VARIABLES).split("\\.");
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) context.computeIfAbsent(path[0], k -> new LinkedHashMap<>());
            group.put(path[1], data.consumeString(200));
        }
        String locale = data.pickValue(LOCALES);
        String tone = data.pickValue(TONES);
        String channel = data.pickValue(CHANNELS);
        String emotion = data.pickValue(EMOTIONS);
        String script = data.consumeRemainingAsString();
        try {
            RenderResult r = RENDERER.render(new RenderRequest(script, locale, tone, channel, emotion, context));
            assertTrue(r.text().length() <= SETTINGS.maxOutputChars(), "output is capped: " + r.text().length());
        } catch (ScriptRejectedException | InvalidRenderRequestException | RendererBusyException expected) {
            // declared refusals
        }
    }
}
