package com.replybook.kb.guardrails.wording;

import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.vocabulary.SupportedLocale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in rules against real sentences, both ways: what agents actually write when they blame, deny the
 * feeling, stay vague, undo an apology, give in to a review threat or minimise is flagged with the right severity;
 * legitimate sentences that share words with those (a 但是 with no apology before it, 不可能 in an explanation,
 * "button", "May") are not.
 */
class DefaultWordingRulesTest {

    private static WordingRules rules(String tag) {
        SupportedLocale locale = SupportedLocale.valueOf(tag.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        return new WordingRules(tag, WordingParser.parse(Defaults.read("wording", locale)));
    }

    /** The strongest severity found, or "none". */
    private static String verdict(String locale, String text) {
        List<Finding> found = rules(locale).find(text);
        if (found.stream().anyMatch(f -> f.severity() == Severity.BLOCK)) return "block";
        return found.isEmpty() ? "none" : "warn";
    }

    @ParameterizedTest(name = "{0} \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN | 快递的事我们管不了，您自己联系快递吧。 | block
            zh-CN | 物流那边的问题我们真的管不着 | block
            zh-CN | 这是快递公司的问题，跟我们没关系。 | block
            zh-CN | 这个是仓库那边的错 | block
            zh-CN | 这是技术部门的问题 | block
            zh-CN | 这不是我们的责任 | block
            zh-CN | 物流不受我们控制，请理解 | block
            zh-CN | 您可以自己去联系一下快递公司 | block
            zh-CN | 已转交相关部门处理，请耐心等待 | block
            zh-CN | 您别生气，我们会处理的 | block
            zh-CN | 你不要激动 | block
            zh-CN | 请您冷静一下 | block
            zh-CN | 这有什么好生气的 | block
            zh-CN | 求求您别给差评，我给您全额退款 | block
            zh-CN | 您把差评删了我就给您返现 | block
            zh-CN | 只要您不给差评，退款马上到 | block
            zh-CN | 瑕疵不影响使用，给您退5块钱吧 | block
            zh-CN | 爱买不买 | block
            zh-CN | 快递可能明天到 | warn
            zh-CN | 大概三天左右吧 | warn
            zh-CN | 应该很快就能发货 | warn
            zh-CN | 我们会尽快处理 | warn
            zh-CN | 非常抱歉让您久等了，但是这几天件量太大 | warn
            zh-CN | 理解您的心情，不过规定就是这样 | warn
            zh-CN | 您先别着急 | warn
            zh-CN | 色差是正常的现象 | warn
            zh-CN | 换成我也会着急。包裹停在中转站，我已提交催件，今天 18:00 前告诉您结果。 | none
            zh-CN | 但是请放心，补发的商品今天就会发出。 | none
            zh-CN | 这是我们仓库的失误，非常抱歉，今天为您补发。 | none
            zh-CN | 这是我们应该做的。 | none
            zh-CN | 已请仓库主管核实，今天 18:00 前给您答复。 | none
            zh-CN | 评价是您的权利，无论如何我们都会跟进到问题解决。 | none
            zh-CN | 我们等您回复后马上安排上门取件。 | none
            zh-TW | 宅配的事我們管不了 | block
            zh-TW | 這是物流業者的問題，不是我們的責任 | block
            zh-TW | 已轉交相關單位處理 | block
            zh-TW | 您別生氣 | block
            zh-TW | 求求您不要給負評 | block
            zh-TW | 刪掉負評就幫您退費 | block
            zh-TW | 可能要再等幾天 | warn
            zh-TW | 非常抱歉讓您久等，不過這是物流的狀況 | warn
            zh-TW | 我們會盡快處理 | warn
            zh-TW | 換成是我也會著急。我已請物流業者優先配送，今天 18:00 前回覆您。 | none
            zh-TW | 不過請放心，新品今天就會寄出。 | none
            zh-TW | 你别生气 | block
            zh-CN | 您別生氣！ | block
            zh-CN | 您 别 生 气 | block
            en | That's not our fault, it's the courier's problem. | block
            en | You will need to contact the carrier yourself. | block
            en | Shipping delays are out of our control. | block
            en | I have passed this to the relevant department. | block
            en | Please calm down. | block
            en | Don't get upset, it's just a parcel. | block
            en | Please don't leave a bad review, we will refund you. | block
            en | If you remove your review we can send a voucher. | block
            en | The scratch does not affect the functionality. | block
            en | Your parcel will probably arrive next week. | warn
            en | Maybe it's lost. | warn
            en | I'm sorry for the delay, but the carrier is busy. | warn
            en | We'll fix it as soon as possible. | warn
            en | I'd be upset too. Your parcel is at the local depot and will be delivered by Friday 6 pm. | none
            en | Tracking showed delivered but the parcel never reached you. | none
            en | Press the red button on the left. | none
            en | Your order from May 5 is on its way. | none
            en | NOT OUR FAULT | block
            """)
    void realSentencesAreFlaggedAsTheGuidesMean(String locale, String text, String expected) {
        assertEquals(expected, verdict(locale, text), () -> locale + " " + text + " → " + rules(locale).find(text));
    }

    @ParameterizedTest
    @CsvSource({"zh-CN", "zh-TW", "en"})
    void everyFindingPointsAtTheWordsFoundInTheGivenText(String locale) {
        String text = "zh-CN".equals(locale) ? "好的，您别生气！" : "zh-TW".equals(locale) ? "好的，您別生氣！" : "OK, please calm down!";
        Finding f = rules(locale).find(text).getFirst();
        assertEquals(f.text(), text.substring(f.start(), f.end()));
        assertTrue(f.text().contains("生") || f.text().contains("生".replace('生', '生')) || f.text().contains("calm"), f.toString());
        assertTrue(!f.suggestion().isEmpty() && !f.reason().isEmpty(), "the built-in rules say why and what instead");
    }
}
