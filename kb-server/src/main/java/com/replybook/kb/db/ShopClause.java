package com.replybook.kb.db;

import java.util.Collections;
import java.util.List;

/**
 * The SQL condition that keeps the rows of some shops and the rows of no shop (issue 20), for the tables of things
 * that belong to one shop or to every shop (cases, follow-ups): a reader limited to shops sees those, never another
 * shop's.
 */
public final class ShopClause {

    private ShopClause() {
    }

    /**
     * {@code " AND (shop IS NULL OR shop IN (?, …))"} with {@code shops} appended to {@code args}; {@code " AND shop IS
     * NULL"} for no shops; {@code ""} for every shop ({@code shops} null).
     */
    public static String ofShopsOrNone(List<String> shops, List<? super String> args) {
        if (shops == null) return "";
        if (shops.isEmpty()) return " AND shop IS NULL";
        args.addAll(shops);
        return " AND (shop IS NULL OR shop IN (" + String.join(", ", Collections.nCopies(shops.size(), "?")) + "))";
    }
}
