package com.replybook.kb.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.vocabulary.ScriptVariables;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the mechanically checkable rules of the sample library in {@code src/main/resources/sample/}:
 * counts, keys, required fields, the variables scripts may use, and the phrases a reply must never contain.
 * The wording itself is reviewed by people; this test keeps edits from breaking the contract.
 */
class SampleLibraryContentTest {

    private static final Map<String, String> FILES = Map.of(
            "zh-CN", "/sample/entries.zh-CN.json",
            "zh-TW", "/sample/entries.zh-TW.json",
            "en", "/sample/entries.en.json");

    private static final Map<String, Integer> MIN_COUNT = Map.of("zh-CN", 32, "zh-TW", 12, "en", 12);

    /** Every high-frequency scenario of PRODUCT.md §1 (and the brief) has a published zh-CN entry under this base key. */
    private static final List<String> REQUIRED_SCENARIOS = List.of(
            "logistics-delay", "lost-parcel", "signed-not-received", "customs-hold", "remote-area-delivery",
            "defect-on-arrival", "broke-after-first-use", "damaged-in-transit", "wrong-item", "missing-item",
            "description-mismatch", "size-exchange", "wash-fading-shrinking", "refund-timing", "refund-rejected",
            "return-shipping-fee", "seven-day-return", "bad-review-threat", "unreasonable-compensation",
            "address-change", "cancel-order", "invoice-request", "price-protection", "presale-delay",
            "warranty-repair", "installation-help", "coupon-not-applied", "duplicate-charge", "order-not-found",
            "urge-shipment", "repeat-complaint-escalation", "perishable-spoiled");

    /** The documented script variables. */
    private static final Set<String> KNOWN_VARIABLES = Set.copyOf(ScriptVariables.ALL);

    private static final Set<String> ALLOWED_FIELDS = Set.of(
            "key", "locale", "category", "tags", "problem", "questions", "cause", "script", "smsScript", "reviewScript",
            "diagnostics", "actions", "acceptedFallbacks", "status", "owner", "verifyEveryDays");

    private static final Set<String> STATUSES = Set.of("draft", "in_review", "published", "archived");

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");

    /** Openers the tone layouts add; a script that starts with one would greet the customer twice. */
    private static final List<String> SALUTATIONS = List.of(
            "您好", "你好", "親愛的", "亲爱的", "亲", "親", "尊敬的", "哈喽", "嗨",
            "hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings");

    /** Emotion denial and blame shifting (PRODUCT.md §1), in all three scripts' languages. */
    private static final List<String> FORBIDDEN = List.of(
            "您别生气", "您別生氣", "你别生气", "你別生氣", "别生气", "別生氣",
            "这是快递的错", "這是快遞的錯", "快递的错", "快遞的錯", "物流的錯", "物流的错",
            "物流不受我们控制", "物流不受我們控制", "不受我们控制", "不受我們控制",
            "已转交相关部门", "已轉交相關部門", "转交相关部门", "轉交相關部門",
            "calm down", "not our fault", "courier's fault", "carrier's fault", "out of our control",
            "beyond our control", "passed it to the relevant department", "forwarded to the relevant department");

    /** Characters that exist only in one script; a few are enough to catch a file written in the wrong one. */
    private static final String SIMPLIFIED_ONLY = "这们说运货发没钱时给为过会问题关处买卖请让谢联订号码";
    private static final String TRADITIONAL_ONLY = "這們說運貨發沒錢時給為過會問題關處買賣請讓謝聯訂號碼";

    /** The Chinese evaluation set built from this library (see its README). */
    private static final String EVAL_SET = "/eval/zh-shop/queries_dev.jsonl";

    private static final Map<String, List<JsonNode>> LIBRARY = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            try (InputStream in = SampleLibraryContentTest.class.getResourceAsStream(file.getValue())) {
                assertNotNull(in, "missing sample file " + file.getValue());
                JsonNode array = json.readTree(in);
                assertTrue(array.isArray(), file.getValue() + " must be a JSON array");
                List<JsonNode> entries = new ArrayList<>();
                array.forEach(entries::add);
                LIBRARY.put(file.getKey(), entries);
            }
        }
    }

    private static List<JsonNode> all() {
        return LIBRARY.values().stream().flatMap(List::stream).toList();
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static List<String> list(JsonNode entry, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = entry.get(field);
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String base(JsonNode entry) {
        String key = text(entry, "key");
        return key.substring(0, key.lastIndexOf('.'));
    }

    @Test
    void eachLocaleHasAtLeastItsMinimumNumberOfPublishedEntries() {
        MIN_COUNT.forEach((locale, min) -> {
            long published = LIBRARY.get(locale).stream().filter(e -> "published".equals(text(e, "status"))).count();
            assertTrue(published >= min, locale + " has " + published + " published entries, needs " + min);
        });
    }

    @Test
    void theServerLoaderAcceptsEveryEntry() {
        assertEquals(all().size(), SampleLibrary.drafts(new EntryDraftParser(ScriptCheck.NONE)).size());
    }

    @Test
    void everyRequiredScenarioHasAPublishedSimplifiedChineseEntry() {
        Set<String> published = LIBRARY.get("zh-CN").stream()
                .filter(e -> "published".equals(text(e, "status")))
                .map(SampleLibraryContentTest::base).collect(Collectors.toSet());
        List<String> missing = REQUIRED_SCENARIOS.stream().filter(s -> !published.contains(s)).toList();
        assertTrue(missing.isEmpty(), "scenarios without a published zh-CN entry: " + missing);
    }

    @Test
    void keysAreUniqueWellFormedAndEndWithTheirLocale() {
        Set<String> seen = new HashSet<>();
        LIBRARY.forEach((locale, entries) -> entries.forEach(e -> {
            String key = text(e, "key");
            assertTrue(KEY.matcher(key).matches(), "bad key: " + key);
            assertTrue(seen.add(key), "duplicate key: " + key);
            assertEquals(locale, text(e, "locale"), "locale of " + key);
            assertTrue(key.endsWith("." + locale.toLowerCase(Locale.ROOT)), key + " must end with ." + locale.toLowerCase(Locale.ROOT));
        }));
    }

    @Test
    void everyTranslatedEntryHasASimplifiedChineseSibling() {
        Set<String> bases = LIBRARY.get("zh-CN").stream().map(SampleLibraryContentTest::base).collect(Collectors.toSet());
        for (String locale : List.of("zh-TW", "en")) {
            for (JsonNode e : LIBRARY.get(locale)) {
                assertTrue(bases.contains(base(e)), text(e, "key") + " has no zh-CN sibling");
            }
        }
    }

    @Test
    void requiredFieldsArePresentAndNotBlank() {
        for (JsonNode e : all()) {
            String key = text(e, "key");
            e.fieldNames().forEachRemaining(f -> assertTrue(ALLOWED_FIELDS.contains(f), key + ": unexpected field " + f));
            for (String field : List.of("locale", "category", "problem", "cause", "script", "smsScript", "reviewScript",
                    "owner")) {
                assertFalse(text(e, field).isBlank(), key + ": blank " + field);
            }
            for (String field : List.of("tags", "questions", "diagnostics", "actions")) {
                List<String> values = list(e, field);
                assertFalse(values.isEmpty(), key + ": empty " + field);
                values.forEach(v -> assertFalse(v.isBlank(), key + ": blank item in " + field));
            }
            assertTrue(STATUSES.contains(text(e, "status")), key + ": bad status " + text(e, "status"));
            int days = e.path("verifyEveryDays").asInt(0);
            assertTrue(days == 30 || days == 90, key + ": verifyEveryDays should be 30 or 90, was " + days);
            assertFalse(text(e, "category").startsWith("/") || text(e, "category").endsWith("/"), key + ": category path");
        }
    }

    @Test
    void everyEntryHasSixToTwelveDistinctQuestions() {
        for (JsonNode e : all()) {
            List<String> questions = list(e, "questions");
            assertTrue(questions.size() >= 6 && questions.size() <= 12,
                    text(e, "key") + " has " + questions.size() + " questions, needs 6–12");
            assertEquals(questions.size(), new HashSet<>(questions).size(), text(e, "key") + " repeats a question");
        }
    }

    @Test
    void scriptsUseOnlyPlainKnownVariablesAndSeveralOfThem() {
        for (JsonNode e : all()) {
            String key = text(e, "key");
            Set<String> used = plainVariables(key, "script", text(e, "script"));
            assertTrue(used.size() >= 2, key + " uses " + used.size() + " variables, needs several");
        }
    }

    /** The variables {@code text} uses; fails on an unknown or non-plain one, and on any other FreeMarker markup. */
    private static Set<String> plainVariables(String key, String field, String text) {
        Matcher m = INTERPOLATION.matcher(text);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            assertTrue(KNOWN_VARIABLES.contains(m.group(1)), key + ": unknown or non-plain variable ${" + m.group(1)
                    + "} in its " + field);
            used.add(m.group(1));
        }
        String stripped = INTERPOLATION.matcher(text).replaceAll("");
        for (String marker : List.of("${", "#{", "<#", "</#", "<@", "[#", "[@")) {
            assertFalse(stripped.contains(marker), key + ": its " + field + " contains FreeMarker markup " + marker);
        }
        return used;
    }

    @Test
    void smsVersionsAreShorterThanTheirScriptsAndUseOnlyPlainKnownVariables() {
        for (JsonNode e : all()) {
            String key = text(e, "key");
            String sms = text(e, "smsScript");
            assertTrue(sms.length() < text(e, "script").length(), key + ": the SMS version is not shorter than the script");
            plainVariables(key, "SMS version", sms);
        }
    }

    /** Review versions are read by every shopper: product and shop at most, nothing about the customer. */
    @Test
    void reviewVersionsNameNothingPersonal() {
        for (JsonNode e : all()) {
            Set<String> used = plainVariables(text(e, "key"), "review version", text(e, "reviewScript"));
            assertTrue(Set.of("product.name", "shop.name").containsAll(used),
                    text(e, "key") + ": its review version uses " + used);
        }
    }

    @Test
    void everyScriptRendersWithAFullContext() throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        Map<String, Object> context = new LinkedHashMap<>();
        for (String variable : KNOWN_VARIABLES) {
            String[] path = variable.split("\\.");
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) context.computeIfAbsent(path[0], k -> new LinkedHashMap<>());
            group.put(path[1], "<" + variable + ">");
        }
        for (JsonNode e : all()) {
            StringWriter out = new StringWriter();
            new Template(text(e, "key"), text(e, "script"), cfg).process(context, out);
            assertFalse(out.toString().contains("${"), text(e, "key") + " left an interpolation unrendered");
        }
    }

    @Test
    void noScriptStartsWithASalutation() {
        for (JsonNode e : all()) {
            for (String field : List.of("script", "smsScript", "reviewScript")) {
                String start = text(e, field).strip().toLowerCase(Locale.ROOT);
                for (String salutation : SALUTATIONS) {
                    if (start.startsWith(salutation)) {
                        fail(text(e, "key") + ": " + field + " starts with the salutation '" + salutation + "'");
                    }
                }
            }
        }
    }

    /**
     * Words of an empathy or apology opener. The tone layouts already open every reply with one matched to
     * the customer's emotion, so a script that starts with its own says it twice.
     */
    private static final List<String> ZH_EMPATHY = List.of(
            "理解", "着急", "著急", "抱歉", "不好意思", "辛苦", "麻烦", "麻煩", "心急", "担心", "擔心",
            "失望", "委屈", "遗憾", "遺憾", "扫兴", "掃興", "头疼", "頭疼", "不踏实", "不踏實", "换成我", "換作是我");

    private static final List<String> EN_EMPATHY_OPENERS = List.of(
            "i understand", "i completely", "i totally", "i'm sorry", "i am sorry", "i'm so sorry", "i'm truly sorry",
            "i'm really sorry", "we're sorry", "we are sorry", "sorry", "so sorry", "we apologize", "we apologise",
            "i apologize", "i apologise", "i can hear", "i can imagine", "i know how");

    /** Half-width {@code , ? ! : ;} directly between two Chinese characters, where Chinese text needs full width. */
    private static final Pattern HALF_WIDTH_BETWEEN_HAN = Pattern.compile("\\p{IsHan}[,?!:;]\\p{IsHan}");

    @Test
    void noScriptOpensWithItsOwnEmpathyOrApology() {
        for (String locale : List.of("zh-CN", "zh-TW")) {
            for (JsonNode e : LIBRARY.get(locale)) {
                for (String field : List.of("script", "smsScript", "reviewScript")) {
                    String first = text(e, field).strip().split("[。！？!?\\n]", 2)[0];
                    for (String word : ZH_EMPATHY) {
                        assertFalse(first.contains(word), text(e, "key") + ": first sentence of its " + field + " '"
                                + first + "' contains the empathy word '" + word + "'; the tone layout already adds it");
                    }
                }
            }
        }
        for (JsonNode e : LIBRARY.get("en")) {
            for (String field : List.of("script", "smsScript", "reviewScript")) {
                String start = text(e, field).strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                for (String opener : EN_EMPATHY_OPENERS) {
                    assertFalse(start.startsWith(opener), text(e, "key") + ": " + field + " opens with '" + opener
                            + "'; the tone layout already adds the opener");
                }
            }
        }
    }

    @Test
    void chineseTextUsesFullWidthPunctuationBetweenChineseCharacters() {
        for (String locale : List.of("zh-CN", "zh-TW")) {
            for (JsonNode e : LIBRARY.get(locale)) {
                List<String> texts = new ArrayList<>(List.of(text(e, "problem"), text(e, "cause"), text(e, "script"),
                        text(e, "smsScript"), text(e, "reviewScript")));
                for (String field : List.of("questions", "diagnostics", "actions")) {
                    texts.addAll(list(e, field));
                }
                for (String value : texts) {
                    // ${…} is FreeMarker, not prose: stand it in with a neutral character.
                    Matcher m = HALF_WIDTH_BETWEEN_HAN.matcher(INTERPOLATION.matcher(value).replaceAll("x"));
                    if (m.find()) {
                        fail(text(e, "key") + " (" + locale + "): half-width '" + m.group() + "' in: " + value);
                    }
                }
            }
        }
    }

    @Test
    void noEntryDeniesTheEmotionOrShiftsTheBlame() {
        for (JsonNode e : all()) {
            String agentText = String.join("\n", text(e, "script"), text(e, "smsScript"), text(e, "reviewScript"),
                    text(e, "cause"),
                    String.join("\n", list(e, "actions"))).toLowerCase(Locale.ROOT);
            for (String phrase : FORBIDDEN) {
                assertFalse(agentText.contains(phrase.toLowerCase(Locale.ROOT)), text(e, "key") + " contains '" + phrase + "'");
            }
        }
    }

    @Test
    void chineseEntriesAreWrittenInTheirOwnScript() {
        assertScript("zh-CN", TRADITIONAL_ONLY);
        assertScript("zh-TW", SIMPLIFIED_ONLY);
    }

    private static void assertScript(String locale, String foreignChars) {
        for (JsonNode e : LIBRARY.get(locale)) {
            String all = e.toString();
            for (char c : foreignChars.toCharArray()) {
                assertTrue(all.indexOf(c) < 0, text(e, "key") + " (" + locale + ") contains '" + c + "' from the other script");
            }
        }
    }

    @Test
    void evaluationSetPointsAtPublishedEntriesAndNeverCopiesTheirQuestions() throws IOException {
        List<JsonNode> queries = readJsonLines(EVAL_SET);
        Set<String> published = LIBRARY.get("zh-CN").stream()
                .filter(e -> "published".equals(text(e, "status"))).map(e -> text(e, "key")).collect(Collectors.toSet());
        Transliterator fold = Transliterator.getInstance("Traditional-Simplified");
        Set<String> questions = all().stream().flatMap(e -> list(e, "questions").stream())
                .map(q -> normalise(fold, q)).collect(Collectors.toSet());
        Set<String> qids = new HashSet<>();
        Set<String> covered = new HashSet<>();
        int traditional = 0;
        int outOfScope = 0;
        for (JsonNode q : queries) {
            String qid = text(q, "qid");
            assertTrue(qids.add(qid), "duplicate qid " + qid);
            assertTrue(Set.of("zh-CN", "zh-TW").contains(text(q, "lang")), qid + ": lang");
            assertFalse(text(q, "text").isBlank(), qid + ": blank text");
            assertFalse(questions.contains(normalise(fold, text(q, "text"))), qid + " copies an entry question: " + text(q, "text"));
            if (q.get("expected").isNull()) {
                outOfScope++;
            } else {
                assertTrue(published.contains(q.get("expected").asText()), qid + ": unknown expected " + q.get("expected"));
                covered.add(q.get("expected").asText());
            }
            if ("zh-TW".equals(text(q, "lang"))) traditional++;
        }
        assertTrue(queries.size() >= 330, "only " + queries.size() + " queries");
        assertTrue(covered.size() >= 30, "covers only " + covered.size() + " entries");
        assertTrue(traditional * 3 >= queries.size(), "only " + traditional + " traditional queries");
        assertTrue(outOfScope >= 20, "only " + outOfScope + " out-of-scope queries");
    }

    private static List<JsonNode> readJsonLines(String resource) throws IOException {
        try (InputStream in = SampleLibraryContentTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing " + resource);
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) rows.add(json.readTree(line));
            }
            return rows;
        }
    }

    /** Traditional folded to simplified, lower-cased, without punctuation or spaces. */
    private static String normalise(Transliterator fold, String text) {
        return fold.transliterate(text).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]", "");
    }
}
