package com.replybook.kb.search.index;

import com.replybook.kb.entries.Entry;

import java.util.List;

import static com.replybook.kb.search.index.MemoryFeed.entry;

/** A fixed corpus with known answers: each entry is the one right answer for the queries its tests name. */
public final class TestCorpus {

    public static final List<Entry> ENTRIES = List.of(
            entry("logistics-stuck", "zh-CN", "物流/延误", "快递好几天没有更新物流信息",
                    List.of("快递三天没动了", "物流一直不更新", "我的包裹怎么还没到"),
                    "快递中转站爆仓或者天气原因导致延误", "亲，非常理解您着急的心情，单号${tracking.no}我们已经催促快递。"),
            entry("signed-not-received", "zh-CN", "物流/签收未收到", "显示已签收但是本人没有收到包裹",
                    List.of("包裹没收到却显示签收", "快递被别人签收了", "签收了但我没拿到"),
                    "快递员代签或放在驿站、快递柜", "亲，我们马上联系快递员核实签收情况。"),
            entry("wrong-item", "zh-CN", "商品/发错货", "收到的商品和订单不一致，发错货了",
                    List.of("你们发错货了", "收到的颜色不对", "买的是A给我寄了B"),
                    "仓库拣货失误", "非常抱歉给您发错了商品，我们为您免费补发正确的商品。"),
            entry("refund-timing", "zh-CN", "售后/退款", "退款什么时候到账",
                    List.of("退款怎么还没到", "钱什么时候退回来", "申请退款多久到账"),
                    "退款原路返回，银行处理需要1-7个工作日", "您的退款${refund.amount}元已经原路退回。"),
            entry("defect-scratch", "zh-CN", "商品/质量问题", "商品有划痕或者破损",
                    List.of("收到的东西有划痕", "屏幕碎了", "包装破损里面东西坏了"),
                    "运输过程中磕碰", "请您拍照发给我们，我们核实后为您换新。"),
            entry("wrong-item-tw", "zh-TW", "商品/發錯貨", "收到的商品與訂單不一致",
                    List.of("你們寄錯商品了", "收到的顏色不對"),
                    "倉庫揀貨失誤", "非常抱歉寄錯了商品，我們將免費補寄。"),
            entry("en-refund", "en", "after-sales/refund", "When will I get my refund",
                    List.of("where is my refund", "I have not received my money back", "how long does a refund take"),
                    "Refunds go back to the original payment method within 5-7 business days",
                    "Your refund of ${refund.amount} was issued on ${order.date}."),
            entry("en-cancel", "en", "orders/cancel", "I want to cancel my order",
                    List.of("cancel my order please", "how do I cancel a purchase", "stop my order"),
                    "Orders can be cancelled until they ship", "Your order ${order.id} has been cancelled."),
            entry("en-track", "en", "logistics/tracking", "Where is my package",
                    List.of("track my parcel", "my delivery is late", "has my order shipped"),
                    "Carriers update tracking once a day", "Your parcel ${tracking.no} is on its way."));

    private TestCorpus() {
    }

    public static MemoryFeed feed() {
        MemoryFeed feed = new MemoryFeed();
        ENTRIES.forEach(feed::put);
        return feed;
    }
}
