package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.web.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Money as the API has it: decimal strings ({@code "5"}, {@code "12.50"}), exact ({@link BigDecimal}), never
 * negative, at most two decimals. Ticket values are read leniently, as help-desks write them ({@code ¥1,299.00},
 * {@code NT$ 500}, {@code 80元}).
 */
public final class Amounts {

    /** Larger than any order or compensation a shop has; a guard against typos with extra zeros. */
    static final BigDecimal MAX = new BigDecimal("1000000000");
    private static final Pattern STRICT = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final Pattern DECORATION = Pattern.compile("[\\s,，_]|[A-Za-z]{0,3}[$¥￥€£]|元|圓|块|塊|RMB|CNY|TWD|USD|NTD",
            Pattern.CASE_INSENSITIVE);

    private Amounts() {
    }

    /**
     * The amount of a decimal string such as {@code "10"} or {@code "10.5"}.
     *
     * @throws IllegalArgumentException saying what is wrong (negative, not a number, too many decimals, too large)
     */
    public static BigDecimal parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("-")) throw new Invalid(GuardrailsError.AMOUNT_NEGATIVE, s);
        if (!STRICT.matcher(s).matches()) throw new Invalid(GuardrailsError.AMOUNT_FORMAT, s);
        BigDecimal d = new BigDecimal(s);
        if (d.compareTo(MAX) > 0) throw new Invalid(GuardrailsError.AMOUNT_TOO_LARGE, MAX.toPlainString());
        return d;
    }

    /**
     * What is wrong with an amount: a {@link GuardrailsError} whose first argument is the field, then {@code args};
     * its message is the English without the field ("must not be negative, was '-5'").
     */
    public static final class Invalid extends IllegalArgumentException {
        private final transient GuardrailsError error;
        private final transient Object[] args;

        Invalid(GuardrailsError error, Object... args) {
            super(error.message(prepend("", args)).strip());
            this.error = error;
            this.args = args;
        }

        /** The problem as an error of {@code field}: "orderMin must not be negative, was '-5'". */
        public FieldError on(String field) {
            return FieldError.of(field, error, prepend(field, args));
        }

        private static Object[] prepend(String field, Object[] args) {
            Object[] all = new Object[args.length + 1];
            all[0] = field;
            System.arraycopy(args, 0, all, 1, args.length);
            return all;
        }
    }

    /** A ticket's amount as the help-desk wrote it, or {@code null} when it is no amount. */
    public static BigDecimal lenient(String text) {
        if (text == null) return null;
        String s = DECORATION.matcher(text).replaceAll("");
        try {
            BigDecimal d = new BigDecimal(s);
            return d.signum() < 0 || d.compareTo(MAX) > 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 5 → "5"}, {@code 12.5 → "12.50"}, {@code 16.00 → "16"}. */
    public static String format(BigDecimal amount) {
        BigDecimal d = amount.stripTrailingZeros();
        return d.scale() <= 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : d.setScale(2, RoundingMode.DOWN).toPlainString();
    }
}
