package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlCleanerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "<style>*{}</style>",
        "<object data=x></object><embed src=x>",
        "<form action=x><input name=y></form>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<<script>script>alert(1)<</script>/script>",
        "<p title=\"x\" onclick=\"alert(1)\">x</p>"
    })
    void activeContentIsRemoved(String dirty) {
        String clean = HtmlCleaner.clean(dirty);

        Replies.assertInert(clean);
        assertFalse(clean.toLowerCase().contains("<script"), clean);
        assertFalse(clean.toLowerCase().contains("javascript:") && clean.contains("href"), clean);
    }

    @Test
    void basicFormattingListsParagraphsAndSafeLinksAreKept() {
        String html = "<p>Hi <b>Alice</b>,<br>see <a href=\"https://shop.example/t\">tracking</a>.</p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol>";

        String clean = HtmlCleaner.clean(html);

        assertTrue(clean.contains("<b>Alice</b>"), clean);
        assertTrue(clean.contains("<br>"), clean);
        assertTrue(clean.contains("<ul><li>one</li></ul><ol><li>two</li></ol>"), clean);
        assertTrue(clean.contains("href=\"https://shop.example/t\""), clean);
        assertTrue(clean.contains("rel=\"nofollow\""), clean);
        assertTrue(HtmlCleaner.isSafe(clean), clean);
    }

    @Test
    void chineseTextStaysReadableNotEntityEncoded() {
        assertEquals("<p>您好，包裹已发出。</p>", HtmlCleaner.clean("<p>您好，包裹已发出。</p>"));
    }

    @Test
    void plainTextBecomesEscapedParagraphsWithLineBreaks() {
        assertEquals("<p>Line 1<br>Line 2</p><p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>",
                HtmlCleaner.fromText("Line 1\nLine 2\n\n<b>bold</b> & more"));
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertEquals("", HtmlCleaner.clean(null));
        assertEquals("", HtmlCleaner.fromText("  "));
    }

    @Test
    void unsafeHtmlIsDetected() {
        assertFalse(HtmlCleaner.isSafe("<p onclick=x>hi</p>"));
        assertTrue(HtmlCleaner.isSafe("<p>hi</p>"));
    }
}
