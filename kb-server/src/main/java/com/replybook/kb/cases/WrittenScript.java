package com.replybook.kb.cases;

import com.ibm.icu.text.Transliterator;
import com.replybook.kb.search.SimplifiedChinese;

import java.util.BitSet;

/** How a text is written, as far as the words put into it should follow: English, or which Chinese. */
enum WrittenScript {
    LATIN, SIMPLIFIED, TRADITIONAL;

    /**
     * Chinese when {@code text} has a Han character; traditional when it has more characters written only in
     * traditional (嗎, 聯) than written only in simplified (吗, 联). Counting both keeps a simplified text with the
     * odd character that also folds (著 in 显著) simplified, and a short traditional one whose only telling
     * character is 嗎 (我的包裹到了嗎) traditional.
     */
    static WrittenScript of(String text) {
        String folded = SimplifiedChinese.fold(text);
        boolean han = false;
        int traditional = 0;
        int simplified = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) continue;
            han = true;
            if (folded.charAt(i) != c) traditional++;
            else if (SimplifiedForms.SET.get(c)) simplified++;
        }
        return !han ? LATIN : traditional > simplified ? TRADITIONAL : SIMPLIFIED;
    }

    /**
     * The characters ICU writes differently in traditional Chinese: 吗 (嗎) and 联 (聯), not 了 or 我. Built on
     * first use (a few hundred milliseconds), then shared read-only.
     */
    private static final class SimplifiedForms {
        static final BitSet SET = build();

        private static BitSet build() {
            Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
            BitSet set = new BitSet();
            for (int[] range : new int[][]{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}}) {
                for (int c = range[0]; c <= range[1]; c++) {
                    String one = String.valueOf((char) c);
                    if (!s2t.transliterate(one).equals(one)) set.set(c);
                }
            }
            return set;
        }
    }
}
