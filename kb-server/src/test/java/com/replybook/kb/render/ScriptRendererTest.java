package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Emotion;
import com.replybook.kb.vocabulary.Tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ScriptRendererTest {

    private static final ScriptRenderer RENDERER = new ScriptRenderer();

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void everyToneChannelAndLocaleRendersWithoutWarningsGivenAFullContext() {
        List<String> failures = new ArrayList<>();
        for (String locale : Replies.LOCALES) {
            for (String script : Replies.SCRIPTS.get(locale)) {
                for (Tone tone : Tone.values()) {
                    for (Channel channel : Channel.values()) {
                        for (Emotion emotion : Emotion.values()) {
                            RenderResult reply = RENDERER.render(new RenderRequest(script, locale, tone.id(),
                                    channel.id(), emotion.id(), Replies.fullContext(locale)));
                            String label = locale + "/" + tone.id() + "/" + channel.id() + "/" + emotion.id();
                            Replies.assertSendable(reply, label);
                            List<String> warnings = new ArrayList<>(reply.warnings());
                            warnings.removeIf(w -> w.startsWith("sms-segments:")); // long scripts may take 2+ SMS
                            if (!warnings.isEmpty()) {
                                failures.add(label + " " + warnings + "\n" + reply.text());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aShortNoticeFitsOneSmsWithNoWarningsInEveryToneAndLocale() {
        for (String locale : Replies.LOCALES) {
            for (Tone tone : Tone.values()) {
                RenderResult sms = RENDERER.render(Replies.request(
                        Replies.SCRIPTS.get(locale).get(0), locale, tone, Channel.SMS, Replies.fullContext(locale)));
                assertEquals(List.of(), sms.warnings(), locale + "/" + tone.id() + ": " + sms.text());
                assertEquals(1, sms.segments(), sms.text());
                assertFalse(sms.text().contains("\n"), sms.text());
            }
        }
    }

    @Test
    void anEmptyContextNeverYieldsABrokenSalutationOrRawPlaceholder() {
        for (String locale : Replies.LOCALES) {
            for (String script : Replies.SCRIPTS.get(locale)) {
                for (Tone tone : Tone.values()) {
                    for (Channel channel : Channel.values()) {
                        for (Emotion emotion : Emotion.values()) {
                            RenderResult reply = RENDERER.render(new RenderRequest(
                                    script, locale, tone.id(), channel.id(), emotion.id(), Map.of()));
                            Replies.assertSendable(reply, locale + "/" + tone.id() + "/" + channel.id());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aMissingValueWithoutFallbackBecomesAFillInMarkerAndAWarningNamingTheVariable() {
        RenderResult reply = RENDERER.render(RenderRequest.of("订单${order.id}已发货。", "zh-CN", Map.of()));

        assertEquals(List.of("missing:order.id"), reply.warnings());
        assertEquals("【请填写：订单号】", reply.fillIns().get("order.id"));
        assertTrue(reply.text().contains("订单【请填写：订单号】已发货。"), reply.text());
    }

    @Test
    void aMissingValueWhoseFallbackTheEntryAcceptsReadsNaturallyWithoutWarning() {
        RenderResult reply = RENDERER.render(new RenderRequest("您购买的${product.name}已发货。", "zh-CN", null, null, null,
                Map.of(), Set.of("product.name")));

        assertEquals(List.of(), reply.warnings());
        assertTrue(reply.text().contains("您购买的商品已发货。"), reply.text());
    }

    @Test
    void aMissingCarrierIsAskedForUnlessTheEntryAcceptsTheGenericWord() {
        String script = "包裹由${tracking.carrier}承运，单号${tracking.no}。";
        Map<String, Object> ticket = Map.of("tracking", Map.of("no", "SF1234567890"));

        RenderResult asked = RENDERER.render(RenderRequest.of(script, "zh-CN", ticket));
        assertEquals(List.of("missing:tracking.carrier"), asked.warnings());
        assertTrue(asked.text().contains("包裹由【请填写：快递公司】承运"), asked.text());

        RenderResult accepted = RENDERER.render(new RenderRequest(script, "zh-CN", null, null, null, ticket,
                Set.of("tracking.carrier")));
        assertEquals(List.of(), accepted.warnings());
        assertTrue(accepted.text().contains("包裹由快递公司承运"), accepted.text());
    }

    @Test
    void theSalutationAdaptsWhenTheNameIsMissing() {
        String script = "Your parcel is on its way.";
        assertTrue(RENDERER.render(RenderRequest.of(script, "en", Map.of())).text().startsWith("Hi there,"));
        assertTrue(RENDERER.render(RenderRequest.of(script, "en", Map.of("customer", Map.of("name", "Alice"))))
                .text().startsWith("Hi Alice,"));
        assertTrue(RENDERER.render(RenderRequest.of("包裹已发出。", "zh-CN", Map.of("customer", Map.of("name", " "))))
                .text().startsWith("您好！"));
    }

    @Test
    void theOpenerAcknowledgesTheEmotionBeforeTheFacts() {
        RenderResult reply = RENDERER.render(new RenderRequest(
                "包裹预计明天送达。", "zh-CN", "warm", "chat", "anxious", Replies.FULL_CONTEXT));

        assertTrue(reply.text().indexOf("着急") < reply.text().indexOf("包裹预计明天送达"), reply.text());
    }

    @Test
    void scriptTagsInTicketValuesAreEscapedInHtmlAndInertInText() {
        Map<String, Object> context = Map.of("customer", Map.of("name", "<script>alert(1)</script>"),
                "agent", Map.of("name", "<img src=x onerror=alert(1)>"));
        for (Channel channel : Channel.values()) {
            RenderResult reply = RENDERER.render(new RenderRequest(
                    "Hello ${customer.name}, noted.", "en", "standard", channel.id(), null, context));
            Replies.assertInert(reply.html());
            assertFalse(reply.text().contains("<script") && channel == Channel.REVIEW, reply.text());
        }
        RenderResult email = RENDERER.render(new RenderRequest(
                "Hello ${customer.name}.", "en", null, "email", null, context));
        assertTrue(email.html().contains("&lt;script&gt;"), email.html());
    }

    @Test
    void ticketValuesThatLookLikePlaceholdersOrNullArePrintedAsDataOrTreatedAsMissing() {
        Map<String, Object> context = Map.of("customer", Map.of("name", "${order.id}"),
                "order", Map.of("id", "null"));
        RenderResult reply = RENDERER.render(RenderRequest.of("Order ${order.id}.", "en", context));

        Replies.assertSendable(reply, "placeholder-like values");
        assertEquals(List.of("missing:order.id"), reply.warnings());
    }

    @Test
    void emailHasASubjectAnHtmlVersionAndASignatureWithTheAgentsNameAndId() {
        RenderResult email = RENDERER.render(new RenderRequest(
                "包裹已发出。", "zh-CN", "formal", "email", null, Replies.FULL_CONTEXT));

        assertEquals("关于您订单 E1024 的咨询回复（工单号：T-88）", email.subject());
        assertTrue(email.text().contains("小美（工号：A07）"), email.text());
        assertTrue(email.html().startsWith("<p>尊敬的王女士，您好！</p>"), email.html());
        assertTrue(email.html().contains("<p>包裹已发出。</p>"), email.html());
    }

    @Test
    void otherChannelsHaveNoSubjectAndNoSegments() {
        RenderResult chat = RENDERER.render(RenderRequest.of("Noted.", "en", Map.of()));

        assertNull(chat.subject());
        assertEquals(0, chat.segments());
        assertEquals("chat", chat.channel());
    }

    @Test
    void unknownToneChannelOrEmotionIsRejectedNamingTheField() {
        var tone = assertThrows(InvalidRenderRequestException.class,
                () -> new RenderRequest("x", "en", "sarcastic", null, null, null));
        var channel = assertThrows(InvalidRenderRequestException.class,
                () -> new RenderRequest("x", "en", null, "fax", null, null));
        var emotion = assertThrows(InvalidRenderRequestException.class,
                () -> new RenderRequest("x", "en", null, null, "bored", null));

        assertEquals("tone", tone.field());
        assertEquals("channel", channel.field());
        assertEquals("emotion", emotion.field());
        assertTrue(tone.getMessage().contains("standard, warm, lively, formal"), tone.getMessage());
    }

    @Test
    void theLocaleIsResolvedToTheNearestLayoutLocale() {
        assertEquals("zh-TW", RENDERER.render(RenderRequest.of("好", "zh-HK", Map.of())).locale());
        assertEquals("zh-CN", RENDERER.render(RenderRequest.of("好", "zh", Map.of())).locale());
        assertEquals("en", RENDERER.render(RenderRequest.of("ok", "fr-FR", Map.of())).locale());
    }

    @Test
    void concurrentRendersGiveTheSameRepliesAsSequentialOnes() throws Exception {
        List<RenderRequest> requests = new ArrayList<>();
        for (String locale : Replies.LOCALES) {
            for (Channel channel : Channel.values()) {
                requests.add(new RenderRequest(Replies.SCRIPTS.get(locale).get(1), locale, "warm", channel.id(),
                        "angry", Replies.fullContext(locale)));
            }
        }
        List<String> expected = requests.stream().map(r -> RENDERER.render(r).text()).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                requests.forEach(r -> results.add(pool.submit(() -> RENDERER.render(r).text())));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % expected.size()), results.get(i).get());
            }
        }
    }

    @Test
    void aValidScriptHasNoProblems() {
        for (List<String> scripts : Replies.SCRIPTS.values()) {
            for (String script : scripts) {
                assertEquals(List.of(), RENDERER.validate(script), script);
            }
        }
    }
}
