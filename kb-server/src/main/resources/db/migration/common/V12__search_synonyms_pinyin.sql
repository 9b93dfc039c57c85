-- Pinyin-initial shorthand that shoppers type in chat (kd = 快递, tk = 退款), one-way into the Chinese word.
-- Appended to the seeded zh-CN list (V10 is never edited: Flyway checksums it).
UPDATE search_synonyms SET rules = rules || '
# 拼音缩写 (chat shorthand)
kd => 快递
wl => 物流
tk => 退款
th => 退货
hh => 换货
fh => 发货
qx => 取消
yhq => 优惠券
fp => 发票
zfb => 支付宝
wx => 微信
xhs => 小红书
dy => 抖音' WHERE locale = 'zh-CN';
