package com.replybook.kb.search;

import com.replybook.kb.search.analysis.SimplifiedChineseCharFilter;

/** Chinese as search reads it, for the features that must read it alike (e.g. which script a case is written in). */
public final class SimplifiedChinese {

    private SimplifiedChinese() {
    }

    /**
     * {@code text} with its traditional characters folded to simplified ones as the index folds them, one character
     * for one, so every index into the text stays valid: {@code fold("發錯貨了") == "发错货了"}.
     */
    public static String fold(String text) {
        return SimplifiedChineseCharFilter.fold(text);
    }
}
