package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark corpus in the import format: the base entries (the sample library, plus the FAQ entries of the
 * shared evaluation sets when given) followed by generated variants of them, each with another product,
 * wording, amounts and category, and a unique key {@code <base key>.v<n>}. Deterministic for a seed.
 *
 * <pre>{@code
 * List<ObjectNode> entries = BenchCorpus.generate(100_000, 42, Path.of("../shared/eval"));
 * BenchCorpus.family("logistics-delay.zh-cn.v000123")  // "logistics-delay.zh-cn"
 * }</pre>
 */
public final class BenchCorpus {

    private static final Pattern VARIANT = Pattern.compile("\\.v\\d{6}$");
    private static final Pattern AMOUNT = Pattern.compile("(¥|NT\\$|\\$)(\\d+)");
    private static final String[] SAMPLE_LOCALES = {"zh-CN", "zh-TW", "en"};

    private BenchCorpus() {
    }

    /** The base key of a generated variant (or the key itself): relevance is judged per family. */
    public static String family(String key) {
        return key == null ? null : VARIANT.matcher(key).replaceFirst("");
    }

    /** An evaluation id such as {@code bitext:cancel_order} as an entry key ({@code bitext.cancel_order}). */
    public static String keyOf(String evalId) {
        return evalId.toLowerCase(Locale.ROOT).replace(':', '.').replaceAll("[^a-z0-9._-]", "-");
    }

    /** {@code size} entries: every base entry once, then variants round-robin over shuffled bases. */
    public static List<ObjectNode> generate(int size, long seed, Path evalDir) {
        List<ObjectNode> bases = bases(evalDir);
        List<ObjectNode> out = new ArrayList<>(size);
        for (int i = 0; i < Math.min(size, bases.size()); i++) out.add(bases.get(i));
        Random random = new Random(seed);
        List<ObjectNode> order = new ArrayList<>(bases);
        for (int i = out.size(), n = 0; i < size; i++, n++) {
            if (n % order.size() == 0) Collections.shuffle(order, random);
            out.add(variant(order.get(n % order.size()), i, random));
        }
        return out;
    }

    /** The sample library and, if {@code evalDir} holds them, the shared evaluation sets' FAQ entries. */
    static List<ObjectNode> bases(Path evalDir) {
        List<ObjectNode> bases = new ArrayList<>();
        for (String locale : SAMPLE_LOCALES) {
            for (JsonNode n : readSample(locale)) bases.add((ObjectNode) n);
        }
        if (evalDir != null && Files.isDirectory(evalDir)) {
            for (String set : List.of("bitext", "hint3-sofmattress")) {
                Path faq = evalDir.resolve(set).resolve("faq_entries.jsonl");
                if (Files.exists(faq)) bases.addAll(faqEntries(faq));
            }
        }
        return bases;
    }

    private static JsonNode readSample(String locale) {
        try (InputStream in = BenchCorpus.class.getResourceAsStream("/sample/entries." + locale + ".json")) {
            if (in == null) throw new IllegalStateException("sample/entries." + locale + ".json is not on the classpath");
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectNode> faqEntries(Path file) {
        List<ObjectNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) out.add(faqEntry(Json.MAPPER.readTree(line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One FAQ entry of the shared format ({@code id, lang, title, problem, reply, examples}) as an import entry. */
    private static ObjectNode faqEntry(JsonNode n) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        String title = n.path("title").asText();
        e.put("key", keyOf(n.get("id").asText()));
        e.put("locale", n.path("lang").asText("en"));
        e.put("category", n.path("category").asText("faq").replace('/', '-'));
        e.putArray("tags").add(n.get("id").asText().split(":")[0]);
        e.put("problem", n.path("problem").isTextual() ? n.get("problem").asText() : title);
        ArrayNode questions = e.putArray("questions");
        for (JsonNode q : n.path("examples")) {
            if (questions.size() < 200) questions.add(clip(q.asText().strip(), 500));
        }
        if (n.path("cause").isTextual()) e.put("cause", clip(n.get("cause").asText(), 4000));
        String reply = n.path("reply").isTextual() ? n.get("reply").asText() : "Thanks for asking about " + title + ".";
        e.put("script", plainScript(reply));
        e.put("status", "published");
        e.put("owner", "bench");
        return e;
    }

    /** Text that FreeMarker must print as is: no interpolations or directives. */
    static String plainScript(String text) {
        return clip(text.replace("${", "$ {").replace("#{", "# {").replace("<#", "< #").replace("</#", "</ #")
                .replace("<@", "< @").replace("[#", "[ #").replace("[@", "[ @"), 20_000);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A variant of {@code base}: another product and event, reworded questions, other amounts and status. */
    static ObjectNode variant(ObjectNode base, int n, Random random) {
        Vocabulary v = Vocabulary.of(base.path("locale").asText());
        Vocabulary.Product p = v.products().get(random.nextInt(v.products().size()));
        String event = pick(v.events(), random);
        ObjectNode e = base.deepCopy();
        e.put("key", family(base.get("key").asText()) + String.format(Locale.ROOT, ".v%06d", n));
        if (random.nextBoolean()) e.put("category", base.get("category").asText() + "/" + p.line());
        e.withArrayProperty("tags").add(p.name());
        e.put("problem", clip(v.problem(p.name(), event, base.get("problem").asText()), 2000));
        e.set("questions", questions(base.path("questions"), v, p.name(), event, random));
        e.put("script", v.scriptLead(p.name(), event) + base.get("script").asText());
        e.set("actions", amounts(base.path("actions"), random));
        e.put("status", status(random));
        e.put("verifyEveryDays", new int[]{30, 60, 90, 180}[random.nextInt(4)]);
        return e;
    }

    private static ArrayNode questions(JsonNode baseQuestions, Vocabulary v, String product, String event,
                                       Random random) {
        List<String> all = new ArrayList<>();
        baseQuestions.forEach(q -> all.add(q.asText()));
        Collections.shuffle(all, random);
        int keep = all.isEmpty() ? 0 : Math.min(all.size(), 3 + random.nextInt(Math.max(1, all.size() - 2)));
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (String q : all.subList(0, keep)) out.add(clip(v.reword(q, product, event, random), 500));
        if (!all.isEmpty()) out.add(clip(v.productQuestion(product, all.get(0)), 500));
        return out;
    }

    private static ArrayNode amounts(JsonNode actions, Random random) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode a : actions) {
            Matcher m = AMOUNT.matcher(a.asText());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int amount = Math.max(1, Integer.parseInt(m.group(2)) * (50 + random.nextInt(151)) / 100);
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + amount));
            }
            m.appendTail(sb);
            out.add(clip(sb.toString(), 500));
        }
        return out;
    }

    private static String status(Random random) {
        int r = random.nextInt(100);
        return r < 97 ? "published" : r < 99 ? "draft" : "archived";
    }

    static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
