package com.replybook.kb.render;

import freemarker.core.ArithmeticEngine;
import freemarker.core.Environment;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a script's {@code ?number} reads text: amounts as help-desks hold them ({@code 199.00}, {@code ¥1,299},
 * {@code 25 元}, {@code USD 12.5}), so that {@code <#if order.amount?number gt 100>} works on real tickets.
 *
 * <p>Only plain decimals are numbers: no exponents ({@code 1e999999999} would print a billion digits), at most
 * 15 digits before the point and 6 after. A value the renderer stands in for, a missing one (printed as the
 * agent-must-fill marker, with its {@code missing:} warning) or one hidden in a public reply, reads as 0, so a
 * comparison never fails on a value that is not there; the warning still asks the agent for it. Number literals
 * in the script itself (parsed before any render) are read as FreeMarker reads them. Thread-safe.
 */
final class AmountArithmetic extends ArithmeticEngine.BigDecimalEngine {

    static final AmountArithmetic INSTANCE = new AmountArithmetic();

    /** Currency signs and words before or after an amount. */
    private static final Pattern CURRENCY = Pattern.compile(
            "^(?:[¥￥$€£]|NT\\$|RMB|CNY|USD|NTD|TWD|HKD|EUR|GBP)\\s*|\\s*(?:元|圓|块|塊|RMB|CNY|USD|NTD|TWD|HKD|EUR|GBP)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:[,，]\\d{3}){1,4}(?:\\.\\d{1,6})?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(?:\\d{1,15}(?:\\.\\d{0,6})?|\\.\\d{1,6})");

    private AmountArithmetic() {
    }

    @Override
    public Number toNumber(String s) {
        Environment env = Environment.getCurrentEnvironment();
        if (env == null) return super.toNumber(s); // a literal of the script, while it is parsed
        String amount = amount(s);
        if (amount != null) return new BigDecimal(amount);
        if (standsIn(s, env)) return BigDecimal.ZERO;
        throw new NumberFormatException("Not an amount: " + s);
    }

    /** The plain decimal in {@code text}, or null when it is not an amount. */
    static String amount(String text) {
        String s = text.strip();
        for (int i = 0; i < 2; i++) s = CURRENCY.matcher(s).replaceAll("").strip(); // a sign before and a word after
        if (GROUPED.matcher(s).matches()) return s.replace(",", "").replace("，", "");
        return PLAIN.matcher(s).matches() ? s : null;
    }

    private static boolean standsIn(String s, Environment env) {
        if (s.contains(ScriptModel.REDACTED)) return true;
        return env.getCustomState(RenderLog.class) instanceof RenderLog log && log.fillIns().containsValue(s);
    }
}
