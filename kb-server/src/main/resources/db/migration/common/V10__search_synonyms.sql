-- Domain synonyms for search, one editable rule list per locale (Solr format, one rule per line).
-- Applied at query time only, so editing them needs no reindex. Times are epoch milliseconds.
CREATE TABLE search_synonyms (
    locale      VARCHAR(35)  NOT NULL PRIMARY KEY,
    rules       TEXT         NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(100) NOT NULL
);

-- Seed: after-sales vocabulary. Traditional characters fold to simplified before matching, so zh-TW rules
-- only need regional words (螢幕/屏幕), not every character variant.
INSERT INTO search_synonyms (locale, rules, updated_at, updated_by) VALUES ('zh-CN',
'# 物流
快递, 物流, 包裹, 快件, 货物
没收到, 未收到, 没拿到, 没到货
签收, 代签, 代收
延误, 延迟, 没动, 不更新
# 退款与退换
退款, 退钱, 返款, 退费, 退回钱
退货, 退回, 寄回
换货, 更换, 换新
运费险, 退货险
七天无理由, 7天无理由
# 质量
瑕疵, 破损, 划痕, 损坏, 坏了, 碎了
掉色, 褪色, 染色
缩水, 变小
发错, 寄错, 错发
少发, 漏发, 少件
尺码, 码数, 大小
屏幕, 萤幕, 显示屏
# 其他
发票, 开票
优惠券, 券, 红包
降价, 价保, 保价, 差价
差评, 投诉
改地址, 修改地址, 地址写错', 0, 'system');

INSERT INTO search_synonyms (locale, rules, updated_at, updated_by) VALUES ('zh-TW',
'# 台灣用語 ↔ 大陸用語
螢幕, 屏幕
網路, 网络
軟體, 软件
滑鼠, 鼠标
影片, 视频
宅配, 快递, 物流
超商取貨, 便利店自提
退費, 退款
瑕疵, 破損, 刮痕
包裹, 貨物, 快遞', 0, 'system');

INSERT INTO search_synonyms (locale, rules, updated_at, updated_by) VALUES ('en',
'refund, money back, reimbursement, reimburse, repayment
parcel, package, shipment, delivery
damaged, broken, defective, faulty, cracked, scratched
cancel, cancellation, call off
wrong item, incorrect item, different item
missing item, missing part
invoice, receipt, bill
coupon, voucher, promo code, discount code
return, send back
exchange, swap, replacement
late, delayed, overdue
address, shipping address, delivery address', 0, 'system');
