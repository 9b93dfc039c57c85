package com.replybook.kb.cases;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Check digits of the numbers that masking must tell from order numbers of the same length: a mainland resident
 * ID (GB 11643: 17 digits, a birth date inside, an ISO 7064 MOD 11-2 check character 0–9 or X), a Taiwan national
 * ID (a letter and nine digits, weighted sum modulo 10) and a payment card (Luhn). A number that fails its check is
 * still masked, as the order number it more likely is.
 */
final class IdNumbers {

    private static final int[] MAINLAND_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String MAINLAND_CHECK = "10X98765432";
    /** Taiwan's letter codes, A = 10 … Z = 33, in the order the letters were assigned. */
    private static final String TAIWAN_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

    private IdNumbers() {
    }

    /** An 18-character mainland ID with a real birth date and the right check character, e.g. 11010519491231002X. */
    static boolean mainland(String id) {
        if (id.length() != 18) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) return false;
            sum += (id.charAt(i) - '0') * MAINLAND_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == MAINLAND_CHECK.charAt(sum % 11) && plausibleBirth(id.substring(6, 14));
    }

    /** A Taiwan ID such as A123456789: letter, 1/2 (or 8/9 for residents), eight digits, the weighted sum ≡ 0 mod 10. */
    static boolean taiwan(String id) {
        if (id.length() != 10) return false;
        int code = TAIWAN_LETTERS.indexOf(Character.toUpperCase(id.charAt(0))) + 10;
        if (code < 10) return false;
        int sum = code / 10 + (code % 10) * 9;
        for (int i = 1; i < 10; i++) {
            if (!Character.isDigit(id.charAt(i))) return false;
            sum += (id.charAt(i) - '0') * (i == 9 ? 1 : 9 - i);
        }
        return sum % 10 == 0;
    }

    /** A card number of 13–19 digits passing the Luhn check, e.g. 4111111111111111. */
    static boolean card(String digits) {
        if (digits.length() < 13 || digits.length() > 19) return false;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (d < 0 || d > 9) return false;
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0 && digits.chars().distinct().count() > 1; // 0000 0000 0000 0000 is no card
    }

    private static boolean plausibleBirth(String yyyymmdd) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
            return d.getYear() >= 1900 && d.getYear() <= 2100;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }
}
