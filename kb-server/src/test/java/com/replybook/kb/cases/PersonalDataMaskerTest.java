package com.replybook.kb.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PersonalDataMaskerTest {

    @Test
    void masksMainlandMobilesWithOrWithoutSeparators() {
        assertEquals("电话 [电话]，或 [电话]", PersonalDataMasker.mask("电话 13812345678，或 +86 138-1234-5678"));
    }

    @Test
    void masksLabelledOrderNumbersAndKeepsTheLabel() {
        assertEquals("订单号：[订单号]", PersonalDataMasker.mask("订单号：E20231111001"));
        assertEquals("Order #: [order no.]", PersonalDataMasker.mask("Order #: A-10234"));
    }

    @Test
    void masksAddressesEmailsAndIdNumbers() {
        String masked = PersonalDataMasker.mask("地址：上海市浦东新区世纪大道100号 邮箱 li.na@example.com 身份证 110101199003071234");
        assertFalse(masked.contains("世纪大道") || masked.contains("li.na") || masked.contains("110101199003071234"), masked);
        assertFalse(PersonalDataMasker.mask("Ship to 221 Baker Street please").contains("Baker"));
        assertFalse(PersonalDataMasker.mask("寄到北京市海淀区中关村大街27号").contains("中关村大街27号"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("包裹三天没动了，能帮我查一下吗？", PersonalDataMasker.mask("包裹三天没动了，能帮我查一下吗？"));
        assertEquals("Refund 199.00 within 3 days", PersonalDataMasker.mask("Refund 199.00 within 3 days"));
    }

    @Test
    void leavesEightDigitDatesAloneButMasksLongerNumbers() {
        assertEquals("编号 [订单号]", PersonalDataMasker.mask("编号 20231311"), "month 13: not a date");
        assertEquals("下单日期 20231111", PersonalDataMasker.mask("下单日期 20231111"));
        assertEquals("单号 [订单号]", PersonalDataMasker.mask("单号 202311110012"));
    }

    @Test
    void spansPointAtTheMaskedTextAndAnAddressAbsorbsThePhoneInsideIt() {
        var spans = PersonalDataMasker.spans("电话 13812345678");
        assertEquals(1, spans.size());
        assertEquals(3, spans.getFirst().start());
        assertEquals(14, spans.getFirst().end());
        assertEquals(1, PersonalDataMasker.spans("地址：上海市浦东新区世纪大道100号 电话13812345678").size());
    }

    @Test
    void labelsAreInTheLanguageOfTheText() {
        assertEquals("訂單編號：[訂單編號]，手機 [電話]，郵箱 [電子郵件]",
                PersonalDataMasker.mask("訂單編號：E20231111001，手機 13812345678，郵箱 li@example.com"));
        assertEquals("电话 [电话]，邮箱 [邮箱]", PersonalDataMasker.mask("电话 13812345678，邮箱 li@example.com"));
        assertEquals("Call [phone] or mail [email]", PersonalDataMasker.mask("Call 13812345678 or mail li@example.com"));
        assertEquals("Order #: [order no.], call [phone]", PersonalDataMasker.mask("Order #: A-10234, call +44 20 7946 0958"));
    }

    @Test
    void fullWidthDigitsAndInvisibleCharactersDoNotHideAPhoneNumber() {
        assertEquals("手机[电话]，谢谢", PersonalDataMasker.mask("手机１３８００１３８０００，谢谢"));
        assertEquals("手机 [电话] 谢谢", PersonalDataMasker.mask("手机 138\u200B0013\u200C8000 谢谢"));
        assertEquals("手机[电话]", PersonalDataMasker.mask("手机１３８－００１３－８０００"));
        assertEquals("手機[電話]嗎", PersonalDataMasker.mask("手機1\u00AD3\u20608\uFEFF00138000嗎"));
    }

    @Test
    void theMaskedTextKeepsEveryOtherCharacterAsItWasWritten() {
        String text = "Ｈｉ！电话：１３８ ００１３ ８０００。。好的\u200B。";
        assertEquals("Ｈｉ！电话：[电话]。。好的\u200B。", PersonalDataMasker.mask(text));
        var span = PersonalDataMasker.spans(text).getFirst();
        assertEquals("１３８ ００１３ ８０００", text.substring(span.start(), span.end()));
    }

    @Test
    void cardNumbersAreMaskedWithTheirOwnLabelWhenTheirCheckDigitIsRight() {
        assertEquals("卡号 [银行卡号]", PersonalDataMasker.mask("卡号 4111 1111 1111 1111"));
        assertEquals("card [card no.] please", PersonalDataMasker.mask("card 4111-1111-1111-1111 please"));
        assertEquals("Amex [card no.]", PersonalDataMasker.mask("Amex 3782 822463 10005"));
        assertEquals("卡號 [卡號]", PersonalDataMasker.mask("卡號 ５５５５５５５５５５５５４４４４"));
        assertEquals("编号 [订单号]", PersonalDataMasker.mask("编号 4111111111111112"), "Luhn fails: an order number");
    }

    @Test
    void emailAddressesAreMaskedHoweverTheyAreWritten() {
        assertEquals("邮箱 [邮箱] 谢谢", PersonalDataMasker.mask("邮箱 li.na@example.com 谢谢"));
        assertEquals("邮箱[邮箱]谢谢", PersonalDataMasker.mask("邮箱ｌｉ．ｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ谢谢"));
        assertEquals("mail [email]", PersonalDataMasker.mask("mail li.na\u200B@example\u200B.com"));
        assertEquals("mail [email] now", PersonalDataMasker.mask("mail li.na [at] example [dot] com now"));
    }

    @Test
    void chineseIdNumbersAreMaskedAsIdsOnlyWhenTheirCheckCharacterIsRight() {
        assertEquals("身份证 [身份证号]", PersonalDataMasker.mask("身份证 11010519491231002X"));
        assertEquals("身份证 [身份证号]", PersonalDataMasker.mask("身份证 110105 19491231 002x"));
        assertEquals("身份证 [身份证号]", PersonalDataMasker.mask("身份证 １１０１０５１９４９１２３１００２Ｘ"));
        assertEquals("单号 [订单号]", PersonalDataMasker.mask("单号 110105194912310021"), "wrong check digit: an order number");
        assertEquals("单号 [订单号]", PersonalDataMasker.mask("单号 202311119999999990"), "no birth date inside");
        assertEquals("身分證 [身分證號]", PersonalDataMasker.mask("身分證 A123456789"));
        assertEquals("型號 [訂單編號]", PersonalDataMasker.mask("型號 A123456788"), "wrong check digit: an order number");
    }

    @Test
    void longAndGroupedOrderNumbersAreMaskedWhole() {
        assertEquals("订单号：[订单号]", PersonalDataMasker.mask("订单号：E2023111100123456789012345678901234567890123"));
        assertEquals("单号 [订单号]，谢谢", PersonalDataMasker.mask("单号 2023111100 1234 5678，谢谢"));
        assertEquals("单号 [订单号]", PersonalDataMasker.mask("单号 ２０２３１１１１００１２３４５６７８９"));
    }

    @Test
    void phoneNumbersOfOtherRegionsAreFound() {
        assertEquals("手機 [電話] 或 [電話]", PersonalDataMasker.mask("手機 0912-345-678 或 (02) 2345-6789"));
        assertEquals("Call [phone] today", PersonalDataMasker.mask("Call (415) 555-0132 today"));
        assertEquals("电话 [电话]", PersonalDataMasker.mask("电话 +81 3-1234-5678"));
    }

    @Test
    void datesTimesAmountsAndVersionsAreLeftAlone() {
        String text = "2023-11-11 12:30 下单，金额 1,299.00 元，退款 199.00，版本 2.3.34，3 天内";
        assertEquals(text, PersonalDataMasker.mask(text));
        assertEquals("Refund 199.00 on 2023/11/11 at 10:00-12:00", PersonalDataMasker.mask("Refund 199.00 on 2023/11/11 at 10:00-12:00"));
    }
}
