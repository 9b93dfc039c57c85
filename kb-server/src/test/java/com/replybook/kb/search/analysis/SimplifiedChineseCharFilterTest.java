package com.replybook.kb.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimplifiedChineseCharFilterTest {

    @Test
    void foldsTraditionalToSimplified() {
        assertEquals("发错货了", SimplifiedChineseCharFilter.fold("發錯貨了"));
        assertEquals("退款还没到账", SimplifiedChineseCharFilter.fold("退款還沒到帳").replace('帐', '账'));
        assertEquals("abc 123 发货", SimplifiedChineseCharFilter.fold("abc 123 發貨"));
    }

    @Test
    void readerFoldsAndKeepsLength() throws IOException {
        var filter = new SimplifiedChineseCharFilter(new StringReader("包裹還沒收到"));
        char[] buf = new char[32];
        int n = filter.read(buf, 0, buf.length);
        assertEquals("包裹还没收到", new String(buf, 0, n));
        assertEquals(3, filter.correctOffset(3));
    }

    @Test
    void offsetsPointIntoTheOriginalText() throws IOException {
        Analyzer words = SearchAnalyzers.words();
        String text = "發錯貨了";
        try (TokenStream ts = words.tokenStream("f", text)) {
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            StringBuilder spans = new StringBuilder();
            while (ts.incrementToken()) spans.append(text, off.startOffset(), off.endOffset()).append('|');
            ts.end();
            assertEquals(text.length(), spans.toString().replace("|", "").length());
        }
    }

    @Test
    void factoryIsFoundByItsName() {
        assertEquals(SimplifiedChineseCharFilterFactory.class,
                CharFilterFactory.lookupClass(SimplifiedChineseCharFilterFactory.NAME));
    }

    @Test
    void factoryRejectsUnknownParameters() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SimplifiedChineseCharFilterFactory(new java.util.HashMap<>(Map.of("mode", "x"))));
        assertEquals("Unknown parameters: {mode=x}", e.getMessage());
    }
}
