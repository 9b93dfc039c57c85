package com.replybook.kb.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Per-locale words for generated variants: products (with their product line, used as a sub-category),
 * shopping events, the greetings and tails customers wrap a question in, and colloquial substitutions.
 */
record Vocabulary(List<Product> products, List<String> events, List<String> openings, List<String> tails,
                  Map<String, List<String>> swaps, Template template) {

    /** Sorted: Map.of iterates in a per-JVM random order, and the corpus must not change between runs. */
    Vocabulary {
        swaps = new java.util.TreeMap<>(swaps);
    }

    record Product(String name, String line) {
    }

    /** How a locale phrases the product lead of a problem, a script and a question. */
    interface Template {
        String problem(String product, String event, String problem);

        String scriptLead(String product, String event);

        String productQuestion(String product, String question);
    }

    static Vocabulary of(String locale) {
        return switch (locale) {
            case "zh-CN" -> ZH_CN;
            case "zh-TW" -> ZH_TW;
            default -> EN;
        };
    }

    String problem(String product, String event, String problem) {
        return template.problem(product, event, problem);
    }

    String scriptLead(String product, String event) {
        return template.scriptLead(product, event);
    }

    String productQuestion(String product, String question) {
        return template.productQuestion(product, question);
    }

    /** The question with one colloquial substitution, maybe an opening and a tail, maybe the product. */
    String reword(String question, String product, String event, Random random) {
        String q = question;
        for (Map.Entry<String, List<String>> s : swaps.entrySet()) {
            if (q.contains(s.getKey()) && random.nextInt(3) == 0) {
                q = q.replace(s.getKey(), BenchCorpus.pick(s.getValue(), random));
                break;
            }
        }
        String opening = BenchCorpus.pick(openings, random).replace("{p}", product).replace("{e}", event);
        String tail = BenchCorpus.pick(tails, random).replace("{p}", product).replace("{e}", event);
        return (opening + q + tail).strip();
    }

    private static List<Product> products(String line, String... names) {
        return java.util.Arrays.stream(names).map(n -> new Product(n, line)).toList();
    }

    @SafeVarargs
    private static List<Product> concat(List<Product>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    static final Vocabulary ZH_CN = new Vocabulary(
            concat(products("数码", "蓝牙耳机", "智能手表", "充电宝", "机械键盘", "平板电脑", "手机壳", "降噪耳机"),
                    products("家电", "空气炸锅", "扫地机器人", "电热水壶", "吹风机", "破壁机", "电饭煲"),
                    products("服饰", "羽绒服", "运动鞋", "牛仔裤", "真丝衬衫", "羊毛围巾", "冲锋衣"),
                    products("美妆", "精华液", "面霜", "口红", "防晒霜", "洗面奶"),
                    products("母婴", "纸尿裤", "婴儿推车", "奶粉", "儿童保温杯"),
                    products("食品", "坚果礼盒", "咖啡豆", "大闸蟹", "车厘子", "月饼礼盒"),
                    products("家居", "乳胶枕", "四件套", "收纳箱", "台灯", "记忆棉床垫")),
            List.of("双11", "618", "年货节", "直播间", "秒杀", "预售", "会员日"),
            List.of("", "", "", "你好,", "在吗?", "亲,", "客服,", "我买的{p}", "{e}买的{p}", "{p}"),
            List.of("", "", "?", "!!", ",急", ",怎么办", "({p})", ",{e}下的单"),
            Map.of("快递", List.of("快件", "包裹"), "退款", List.of("退钱", "返款"), "怎么", List.of("咋", "怎样"),
                    "什么时候", List.of("啥时候", "几时"), "东西", List.of("宝贝", "商品"), "一直", List.of("老是", "总是")),
            new Template() {
                public String problem(String p, String e, String problem) {
                    return "【" + p + "】" + problem + "多见于" + e + "订单。";
                }

                public String scriptLead(String p, String e) {
                    return "关于您在" + e + "购买的" + p + ":";
                }

                public String productQuestion(String p, String q) {
                    return "买的" + p + "," + q;
                }
            });

    static final Vocabulary ZH_TW = new Vocabulary(
            concat(products("3C", "藍牙耳機", "智慧手錶", "行動電源", "機械鍵盤", "平板電腦", "手機殼"),
                    products("家電", "氣炸鍋", "掃地機器人", "電熱水壺", "吹風機", "果汁機", "電子鍋"),
                    products("服飾", "羽絨外套", "運動鞋", "牛仔褲", "真絲襯衫", "羊毛圍巾"),
                    products("美妝", "精華液", "乳霜", "口紅", "防曬乳"),
                    products("母嬰", "尿布", "嬰兒推車", "奶粉", "兒童保溫杯"),
                    products("食品", "堅果禮盒", "咖啡豆", "鳳梨酥", "月餅禮盒"),
                    products("居家", "乳膠枕", "床包組", "收納箱", "檯燈")),
            List.of("雙11", "週年慶", "直播", "限時搶購", "預購", "母親節檔期"),
            List.of("", "", "", "你好,", "請問,", "客服您好,", "我買的{p}", "{e}買的{p}", "{p}"),
            List.of("", "", "?", "!!", ",很急", ",怎麼辦", "({p})", ",{e}下的單"),
            Map.of("快遞", List.of("包裹", "宅配"), "退款", List.of("退錢", "退費"), "怎麼", List.of("怎樣"),
                    "什麼時候", List.of("何時", "幾時"), "東西", List.of("商品", "貨")),
            new Template() {
                public String problem(String p, String e, String problem) {
                    return "【" + p + "】" + problem + "常見於" + e + "訂單。";
                }

                public String scriptLead(String p, String e) {
                    return "關於您在" + e + "購買的" + p + ":";
                }

                public String productQuestion(String p, String q) {
                    return "買的" + p + "," + q;
                }
            });

    static final Vocabulary EN = new Vocabulary(
            concat(products("electronics", "wireless earbuds", "smart watch", "power bank", "mechanical keyboard",
                            "tablet", "phone case", "noise-cancelling headphones"),
                    products("appliances", "air fryer", "robot vacuum", "electric kettle", "hair dryer", "blender"),
                    products("apparel", "down jacket", "running shoes", "jeans", "silk shirt", "wool scarf"),
                    products("beauty", "face serum", "moisturiser", "lipstick", "sunscreen"),
                    products("baby", "diapers", "stroller", "baby formula", "kids' water bottle"),
                    products("food", "nut gift box", "coffee beans", "cherries", "chocolate hamper"),
                    products("home", "memory foam pillow", "bedding set", "storage box", "desk lamp", "mattress")),
            List.of("Black Friday", "Prime Day", "a flash sale", "a livestream", "pre-order", "the holiday sale"),
            List.of("", "", "", "hi, ", "hello, ", "hey there, ", "the {p} I ordered: ", "my {p} - ", "({e}) "),
            List.of("", "", "?", " please help", " (order for {p})", " asap", " - bought in {e}"),
            Map.of("order", List.of("purchase"), "refund", List.of("money back", "reimbursement"),
                    "package", List.of("parcel", "delivery"), "cancel", List.of("call off"),
                    "received", List.of("got")),
            new Template() {
                public String problem(String p, String e, String problem) {
                    return "[" + p + "] " + problem + (problem.matches(".*[.!?]$") ? "" : ".") + " Common with " + e + " orders.";
                }

                public String scriptLead(String p, String e) {
                    return "About the " + p + " you ordered in " + e + ": ";
                }

                public String productQuestion(String p, String q) {
                    return "my " + p + ": " + q;
                }
            });
}
