package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Emotion;
import com.replybook.kb.vocabulary.Tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The public review reply never shows personal data, whatever the script uses. */
class ReviewChannelTest {

    private static final ScriptRenderer RENDERER = new ScriptRenderer();
    private static final String NOSY_ZH = "${customer.name}，您的订单${order.id}（金额¥${order.amount}）"
            + "已补发，快递单号：${tracking.no}，退款${refund.amount}元已原路退回，工单${ticket.id}。";
    private static final String NOSY_EN = "Dear ${customer.name}, order #${order.id} (${order.amount}) was "
            + "re-sent, tracking number: ${tracking.no}; your refund of ${refund.amount} is on its way "
            + "(ticket ${ticket.id}).";

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void aReviewReplyNeverShowsNamesOrderNumbersTrackingNumbersOrAmounts() {
        for (String locale : Replies.LOCALES) {
            Map<String, Object> context = Replies.fullContext(locale);
            String script = locale.equals("en") ? NOSY_EN : NOSY_ZH;
            for (Tone tone : Tone.values()) {
                for (Emotion emotion : Emotion.values()) {
                    RenderResult reply = RENDERER.render(new RenderRequest(
                            script, locale, tone.id(), "review", emotion.id(), context));
                    Replies.assertSendable(reply, locale + "/" + tone.id());
                    for (String personal : TicketContext.of(context).personalValues().values()) {
                        assertFalse(reply.text().contains(personal), personal + " leaked: " + reply.text());
                        assertFalse(reply.html().contains(personal), personal + " leaked: " + reply.html());
                    }
                }
            }
        }
    }

    @Test
    void redactionLeavesReadableSentences() {
        RenderResult reply = RENDERER.render(new RenderRequest(
                NOSY_ZH, "zh-CN", "standard", "review", null, Replies.FULL_CONTEXT));

        assertTrue(reply.text().contains("顾客，您的订单（金额）已补发，快递单号，退款已原路退回，工单。"), reply.text());
        assertEquals(List.of(), reply.warnings());
    }

    @Test
    void aReviewReplyFollowsThanksApologyActionCommitment() {
        RenderResult reply = RENDERER.render(new RenderRequest(
                "我们已为您补发了新的${product.name}。", "zh-CN", "standard", "review", "disappointed",
                Replies.FULL_CONTEXT));
        String text = reply.text();

        int thanks = text.indexOf("感谢您的评价");
        int apology = text.indexOf("没能达到您的期待");
        int action = text.indexOf("补发了新的保温杯");
        int commitment = text.indexOf("持续改进");
        assertTrue(thanks >= 0 && thanks < apology && apology < action && action < commitment, text);
    }

    @Test
    void personalDataSmuggledIntoAPublicFieldIsMaskedAndReported() {
        Map<String, Object> context = Map.of("customer", Map.of("name", "王小明"),
                "product", Map.of("name", "王小明定制杯"));
        RenderResult reply = RENDERER.render(new RenderRequest(
                "已为您补发${product.name}。", "zh-CN", null, "review", null, context));

        assertFalse(reply.text().contains("王小明"), reply.text());
        assertEquals(List.of("redacted:customer.name"), reply.warnings());
    }
}
