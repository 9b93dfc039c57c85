package com.replybook.kb.cases;

import com.replybook.kb.render.HtmlCleaner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcerptSanitizerTest {

    final ExcerptSanitizer sanitizer = new ExcerptSanitizer(HtmlCleaner::clean);

    @Test
    void masksAPhoneNumberSplitAcrossTags() {
        String out = sanitizer.fromHtml("<p>电话 138<b>1234</b>5678 谢谢</p>");
        assertFalse(out.replaceAll("<[^>]+>", "").matches(".*\\d{4}.*"), out);
        assertTrue(out.contains("[电话]"), out);
        assertTrue(out.contains("谢谢"), out);
    }

    @Test
    void masksALabelledOrderNumberWhoseLabelIsInAnotherTag() {
        String out = sanitizer.fromHtml("<p><strong>订单号：</strong><span>E2023</span>1111001</p>");
        assertFalse(out.contains("1111001") || out.contains("E2023"), out);
        assertTrue(out.contains("<strong>订单号：</strong>"), out);
    }

    @Test
    void doesNotJoinNumbersOfSeparateParagraphsOrLines() {
        String out = sanitizer.fromHtml("<p>退款 1380</p><p>12345678 件</p>");
        assertTrue(out.contains("1380"), out);
        String br = sanitizer.fromHtml("<p>数量 1380<br>12345678 件</p>");
        assertTrue(br.contains("1380"), br);
    }

    @Test
    void leavesEightDigitDatesAlone() {
        assertEquals("<p>双11（20231111）下单</p>", sanitizer.fromHtml("<p>双11（20231111）下单</p>"));
    }

    @Test
    void removesScriptsAndEventHandlersBeforeStoring() {
        String out = sanitizer.fromHtml("<p onclick=\"alert(1)\">你好<script>alert(2)</script><img src=x onerror=alert(3)></p>");
        assertFalse(out.contains("script") || out.contains("onclick") || out.contains("onerror"), out);
        assertTrue(out.contains("你好"), out);
    }

    @Test
    void escapesPlainTextIntoParagraphs() {
        assertEquals("<p>&lt;b&gt;hi&lt;/b&gt;<br>电话 [电话]</p>", sanitizer.fromText("<b>hi</b>\n电话 13812345678"));
    }
}
