package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Tone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Shared fixtures and the checks every rendered reply must pass. */
final class Replies {

    static final List<String> LOCALES = List.of("zh-CN", "zh-TW", "en");

    /** Every documented variable, with realistic Chinese values. */
    static final Map<String, Object> FULL_CONTEXT = Map.of(
            "customer", Map.of("name", "王女士"),
            "order", Map.of("id", "E1024", "amount", "199.00", "date", "2024-05-01"),
            "product", Map.of("name", "保温杯"),
            "tracking", Map.of("no", "SF1234567890", "carrier", "顺丰速运"),
            "agent", Map.of("name", "小美", "id", "A07"),
            "shop", Map.of("name", "Replybook 旗舰店"),
            "ticket", Map.of("id", "T-88"),
            "refund", Map.of("amount", "99.00"),
            "coupon", Map.of("amount", "10"));

    /** Every documented variable, with realistic English values. */
    static final Map<String, Object> FULL_CONTEXT_EN = Map.of(
            "customer", Map.of("name", "Alice"),
            "order", Map.of("id", "E1024", "amount", "$59.00", "date", "2024-05-01"),
            "product", Map.of("name", "travel mug"),
            "tracking", Map.of("no", "1Z999AA10123456784", "carrier", "UPS"),
            "agent", Map.of("name", "Sam", "id", "A07"),
            "shop", Map.of("name", "Replybook"),
            "ticket", Map.of("id", "T-88"),
            "refund", Map.of("amount", "$29.00"),
            "coupon", Map.of("amount", "$5"));

    static Map<String, Object> fullContext(String locale) {
        return locale.startsWith("zh") ? FULL_CONTEXT : FULL_CONTEXT_EN;
    }

    /** Representative scripts per locale: a short notice that fits one SMS, and a longer explanation. */
    static final Map<String, List<String>> SCRIPTS = Map.of(
            "zh-CN", List.of(
                    "您的${product.name}已由${tracking.carrier}发出，单号${tracking.no}。",
                    "查询到订单${order.id}的包裹在转运中心滞留了两天，原因是近期降雪导致干线停运。\n"
                            + "我已为您加急催件，并申请了${coupon.amount}元无门槛券作为补偿。\n\n"
                            + "您可以选择继续等待，也可以申请退款${order.amount}元，您看哪种更方便？"),
            "zh-TW", List.of(
                    "您的${product.name}已由${tracking.carrier}寄出，單號${tracking.no}。",
                    "查詢到訂單${order.id}的包裹在轉運中心停留了兩天，原因是近期天候影響幹線運輸。\n"
                            + "我已為您加急催件，並申請了${coupon.amount}元折價券作為補償。\n\n"
                            + "您可以選擇繼續等候，也可以申請退款${order.amount}元，您看哪一種比較方便？"),
            "en", List.of(
                    "Your ${product.name} has shipped with ${tracking.carrier}, tracking ${tracking.no}.",
                    "Your parcel for order ${order.id} has been held at the sorting centre for two days because "
                            + "of heavy snow on the trunk route.\nI've asked for it to be prioritised and added a "
                            + "${coupon.amount} coupon to your account.\n\nYou can keep waiting, or I can refund "
                            + "the ${order.amount} right away. Which would you prefer?"));

    private static final Pattern NULL_WORD = Pattern.compile("\\bnull\\b", Pattern.CASE_INSENSITIVE);

    private Replies() {}

    static RenderRequest request(String script, String locale, Tone tone, Channel channel, Map<String, Object> context) {
        return new RenderRequest(script, locale, tone.id(), channel.id(), null, context);
    }

    /** No raw placeholder, no "null", no empty salutation, in text or HTML. */
    static void assertSendable(RenderResult reply, String label) {
        for (String out : List.of(reply.text(), reply.html())) {
            assertFalse(out.contains("${"), label + ": raw placeholder in " + out);
            assertFalse(out.contains("#{"), label + ": raw placeholder in " + out);
            assertFalse(NULL_WORD.matcher(out).find(), label + ": 'null' in " + out);
            assertFalse(out.contains(ScriptModel.REDACTED), label + ": redaction stand-in left in " + out);
        }
        assertFalse(brokenSalutation(reply.text()), label + ": broken salutation in " + reply.text());
        assertTrue(reply.text().length() > 10, label + ": empty reply");
    }

    /** Asserts that the HTML has no active content: no scripts, event handlers or javascript: URLs. */
    static void assertInert(String html) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertFalse(List.of("script", "img", "iframe", "style", "svg", "object").contains(element.tagName()), html);
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), html);
                assertFalse(attribute.getValue().toLowerCase().contains("javascript:"), html);
            }
        }
    }

    static boolean brokenSalutation(String text) {
        // "Hi ," / "您好 ，" / "亲爱的 ，": a greeting word directly followed by punctuation where a name belonged.
        return Pattern.compile("(Hi|Hey|Dear|亲爱的|親愛的|尊敬的)\\s*[，,：:]|您好\\s+[，,]|^\\s*[，,]").matcher(text).find();
    }
}
