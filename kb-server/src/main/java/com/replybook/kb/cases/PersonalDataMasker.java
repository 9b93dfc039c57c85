package com.replybook.kb.cases;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in conversation text before a case is stored: e-mail addresses, phone numbers
 * (mainland mobiles and landlines, international numbers), ID-card numbers, order and tracking numbers
 * (labelled, or long digit runs), and postal addresses (labelled, or Chinese/English street patterns).
 * Each is replaced by a bracketed kind, e.g. {@code 13812345678} → {@code [phone]}, so a reader still sees
 * what was there. Deliberately over-eager: a masked harmless number costs less than a leaked phone number.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * mask("订单号：E20231111001，电话 138 1234 5678") // "订单号：[order no.]，电话 [phone]"
 * }</pre>
 */
public final class PersonalDataMasker {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String CJK = "\\p{IsHan}";
    /** Order matters: the most specific rules run first so that their digits are gone before broader ones. */
    private static final List<Rule> RULES = List.of(
            rule("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", "[email]"),
            rule("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])", "[id no.]"),
            labelled("(?i)(?:订单号|訂單號|订单编号|訂單編號|订单|訂單|运单号|運單號|快递单号|快遞單號|order\\s*(?:no\\.?|number|#|id)|tracking\\s*(?:no\\.?|number|#))",
                    "[A-Za-z0-9][A-Za-z0-9-]{3,39}", "[order no.]"),
            labelled("(?i)(?:收货地址|收貨地址|地址|address)", "[^\\n<]{4,120}", "[address]"),
            rule("(?<![\\d+])(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?!\\d)", "[phone]"),
            rule("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)", "[phone]"),
            rule("\\+\\d{1,3}[ -]?\\(?\\d{1,4}\\)?(?:[ -]?\\d{2,4}){2,4}(?!\\d)", "[phone]"),
            rule(CJK + "{2,10}(?:省|市|自治区|自治區)" + "[" + "\\p{IsHan}0-9" + "]{0,24}?(?:路|街|道|巷|弄|村)"
                    + "[0-9一二三四五六七八九十百]+[号號](?:[0-9A-Za-z\\p{IsHan}-]{0,16}?(?:室|楼|樓|栋|棟|单元|單元|座))?", "[address]"),
            rule("\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr)\\b\\.?",
                    "[address]"),
            rule("(?<![\\w])[A-Za-z]{0,4}\\d{8,}(?![\\w])", "[order no.]"));

    private PersonalDataMasker() {
    }

    /** {@code text} with every recognised piece of personal data replaced; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (Rule r : RULES) out = r.pattern.matcher(out).replaceAll(r.replacement);
        return out;
    }

    private static Rule rule(String regex, String kind) {
        return new Rule(Pattern.compile(regex), Matcher.quoteReplacement(kind));
    }

    /** A label such as "订单号：" kept, the value after it masked. */
    private static Rule labelled(String label, String value, String kind) {
        return new Rule(Pattern.compile("(" + label + "\\s*[:：#]?\\s*)" + value),
                "$1" + Matcher.quoteReplacement(kind));
    }
}
