package com.replybook.kb.search.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HitCardTest {

    @Test
    void roundTripsEveryFieldIncludingEmptyTextAndNoExpiry() throws Exception {
        HitCard card = new HitCard("e-1", "wrong-item.zh-tw", "zh-TW", "售後/錯發", "發錯貨了，顏色不對", "",
                Long.MAX_VALUE);
        assertEquals(card, HitCard.decode(card.encode()));
        HitCard expired = new HitCard("e-2", "k", "en", "", "Where is my refund?", "Bank delay", 1_700_000_000_000L);
        assertEquals(expired, HitCard.decode(expired.encode()));
    }
}
