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
}
