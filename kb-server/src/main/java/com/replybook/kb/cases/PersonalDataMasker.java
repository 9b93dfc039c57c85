package com.replybook.kb.cases;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in conversation text before a case is stored: e-mail addresses, phone numbers (mainland,
 * Taiwan and international, found by libphonenumber as well as by pattern), ID-card numbers (mainland and Taiwan,
 * check digit verified), payment card numbers (Luhn verified), order and tracking numbers (labelled, or long digit
 * runs, whole), and postal addresses (labelled, or Chinese/English street patterns). Each is replaced by its kind in
 * brackets, in the language of the text around it (simplified or traditional Chinese, else English), e.g.
 * {@code 13812345678} → {@code [电话]}, so a reader still sees what was there and a Chinese conversation does not
 * fill with English words. Patterns match a {@link NormalizedText}, so full-width digits, zero-width characters and
 * digit groups do not hide a number; what is replaced is the number as written, everything else is kept as it was.
 * Deliberately over-eager: a masked harmless number costs less than a leaked phone number. Stateless and thread-safe.
 *
 * <pre>{@code
 * mask("订单号：E20231111001，电话 138 1234 5678") // "订单号：[订单号]，电话 [电话]"
 * mask("Order #: A-10234, call +44 20 7946 0958")  // "Order #: [order no.], call [phone]"
 * mask("手机１３８\u200B００１３８０００")              // "手机[电话]"
 * }</pre>
 */
public final class PersonalDataMasker {

    /** What was masked, and what stands in its place in each language. */
    public enum Kind {
        EMAIL("[email]", "[邮箱]", "[電子郵件]"),
        ID_NUMBER("[id no.]", "[身份证号]", "[身分證號]"),
        CARD_NUMBER("[card no.]", "[银行卡号]", "[卡號]"),
        ORDER_NUMBER("[order no.]", "[订单号]", "[訂單編號]"),
        ADDRESS("[address]", "[地址]", "[地址]"),
        PHONE("[phone]", "[电话]", "[電話]");

        private final String english;
        private final String simplified;
        private final String traditional;

        Kind(String english, String simplified, String traditional) {
            this.english = english;
            this.simplified = simplified;
            this.traditional = traditional;
        }

        /** What stands in for this kind of data in text written in {@code script}. */
        String label(WrittenScript script) {
            return switch (script) {
                case LATIN -> english;
                case SIMPLIFIED -> simplified;
                case TRADITIONAL -> traditional;
            };
        }
    }

    /**
     * Characters {@code [start, end)} of the text are personal data of {@code kind}; {@code label} replaces them,
     * e.g. {@code [电话]}.
     */
    public record Span(int start, int end, Kind kind, String label) {
    }

    /** Finds one kind of data in the normalized text (earlier finds already blanked out) as [start, end) pairs. */
    private interface Finder {
        Kind kind();

        List<int[]> find(String view, WrittenScript script);
    }

    /** A pattern; with {@code keepGroup1}, group 1 (a label such as "订单号：") is kept; {@code valid} checks the value. */
    private record Rule(Pattern pattern, Kind kind, boolean keepGroup1, Predicate<String> valid) implements Finder {

        @Override
        public List<int[]> find(String view, WrittenScript script) {
            List<int[]> out = new ArrayList<>();
            Matcher m = pattern.matcher(view);
            while (m.find()) {
                int start = keepGroup1 ? m.end(1) : m.start();
                if (start < m.end() && valid.test(view.substring(start, m.end()))) out.add(new int[]{start, m.end()});
            }
            return out;
        }
    }

    /** Phone numbers as written in the regions the text's language suggests, and in international form anywhere. */
    private record PhoneNumbers() implements Finder {

        private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

        @Override
        public Kind kind() {
            return Kind.PHONE;
        }

        @Override
        public List<int[]> find(String view, WrittenScript script) {
            List<int[]> out = new ArrayList<>();
            // English texts: also US-style numbers; Chinese ones: mainland and Taiwan, where order numbers of ten
            // digits would otherwise pass for American phone numbers.
            for (String region : script == WrittenScript.LATIN ? List.of("CN", "US") : List.of("CN", "TW")) {
                for (PhoneNumberMatch m : PHONES.findNumbers(view, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                    out.add(new int[]{m.start(), m.end()});
                }
            }
            return out;
        }
    }

    /** Stands in for text already masked while later finders run: not a letter, digit or separator. */
    private static final char MASKED = '\uE000';

    private static final String CJK = "\\p{IsHan}";
    /** An eight-digit date, yyyyMMdd, e.g. 20231111: not masked on its own. */
    private static final String DATE = "(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";
    /** Order matters: the most specific finders run first so that their digits are gone before broader ones. */
    private static final List<Finder> FINDERS = List.of(
            rule("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+", Kind.EMAIL),
            rule("(?i)[\\w.+-]+\\s?[\\[(]at[\\])]\\s?[\\w-]+(?:\\s?(?:\\.|[\\[(]dot[\\])])\\s?[\\w-]+)+", Kind.EMAIL),
            checked("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])", Kind.ID_NUMBER, IdNumbers::mainland),
            checked("(?<![\\dA-Za-z])[A-Za-z][1289]\\d{8}(?![\\dA-Za-z])", Kind.ID_NUMBER, IdNumbers::taiwan),
            labelled("(?i)(?:订单号|訂單號|订单编号|訂單編號|订单|訂單|运单号|運單號|快递单号|快遞單號|order\\s*(?:no\\.?|number|#|id)|tracking\\s*(?:no\\.?|number|#))",
                    "[A-Za-z0-9][A-Za-z0-9-]{3,}", Kind.ORDER_NUMBER),
            labelled("(?i)(?:收货地址|收貨地址|地址|address)", "[^\\n<]{4,120}", Kind.ADDRESS),
            rule("(?<![\\d+])(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?!\\d)", Kind.PHONE),
            rule("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)", Kind.PHONE),
            rule("\\+\\d{1,3}[ -]?\\(?\\d{1,4}\\)?(?:[ -]?\\d{2,4}){2,4}(?!\\d)", Kind.PHONE),
            checked("(?<!\\d)\\d{13,19}(?!\\d)", Kind.CARD_NUMBER, IdNumbers::card),
            new PhoneNumbers(),
            rule(CJK + "{2,10}(?:省|市|自治区|自治區)" + "[" + "\\p{IsHan}0-9" + "]{0,24}?(?:路|街|道|巷|弄|村)"
                    + "[0-9一二三四五六七八九十百]+[号號](?:[0-9A-Za-z\\p{IsHan}-]{0,16}?(?:室|楼|樓|栋|棟|单元|單元|座))?", Kind.ADDRESS),
            rule("\\b\\d{1,5}\\s+(?:[A-Z][a-z]+\\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr)\\b\\.?",
                    Kind.ADDRESS),
            rule("(?<![\\w])(?!" + DATE + "(?![\\w]))[A-Za-z]{0,4}\\d{8,}(?![\\w])", Kind.ORDER_NUMBER));

    private PersonalDataMasker() {
    }

    /** {@code text} with every recognised piece of personal data replaced; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text);
        List<Span> spans = spans(text);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span sp = spans.get(i);
            out.replace(sp.start(), sp.end(), sp.label());
        }
        return out.toString();
    }

    /**
     * Where {@link #mask} would replace text, in offsets of {@code text}, in order and without overlaps. Finders run
     * most specific first; a later finder's match that covers earlier ones (an address holding a phone number)
     * absorbs them.
     */
    public static List<Span> spans(String text) {
        List<Span> found = new ArrayList<>();
        if (text == null || text.isEmpty()) return found;
        NormalizedText normalized = NormalizedText.of(text);
        char[] view = normalized.text().toCharArray();
        WrittenScript script = WrittenScript.of(text);
        for (Finder f : FINDERS) {
            for (int[] at : f.find(new String(view), script)) {
                if (at[0] >= at[1] || f instanceof PhoneNumbers && masked(view, at)) continue; // it cannot see the marks
                Span sp = new Span(normalized.originalStart(at[0]), normalized.originalEnd(at[1]), f.kind(),
                        f.kind().label(script));
                found = absorb(found, sp);
                Arrays.fill(view, at[0], at[1], MASKED);
            }
        }
        found.sort(Comparator.comparingInt(Span::start));
        return found;
    }

    private static boolean masked(char[] view, int[] at) {
        for (int i = at[0]; i < at[1]; i++) if (view[i] == MASKED) return true;
        return false;
    }

    /** {@code spans} plus {@code added}, where spans overlapping {@code added} merge into it. */
    private static List<Span> absorb(List<Span> spans, Span added) {
        List<Span> out = new ArrayList<>();
        int start = added.start();
        int end = added.end();
        for (Span s : spans) {
            if (s.end() <= added.start() || s.start() >= added.end()) {
                out.add(s);
            } else {
                start = Math.min(start, s.start());
                end = Math.max(end, s.end());
            }
        }
        out.add(new Span(start, end, added.kind(), added.label()));
        return out;
    }

    private static Rule rule(String regex, Kind kind) {
        return new Rule(Pattern.compile(regex), kind, false, value -> true);
    }

    /** A pattern whose matches count only when {@code valid} accepts them (a check digit). */
    private static Rule checked(String regex, Kind kind, Predicate<String> valid) {
        return new Rule(Pattern.compile(regex), kind, false, valid);
    }

    /**
     * A label such as "订单号：" kept, the value after it masked. Neither a label inside a mask ("[地址]") nor a value
     * that starts with one counts (the separator is taken possessively, so "：" is never given back to make a value
     * of "：[地址]"), so masking masked text changes nothing: a case file imported again is masked again (found by
     * MaskingFuzzTest).
     */
    private static Rule labelled(String label, String value, Kind kind) {
        return new Rule(Pattern.compile("(?<!\\[)((?:" + label + ")\\s*+[:：#]?+\\s*+)(?!\\[[^\\]\\s]{1,16}\\])" + value),
                kind, true, v -> true);
    }
}
