package com.replybook.kb.console;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entries list's search over the sample library (64 entries): it finds an entry by its key, ranks like the
 * widget, and its count is what it lists; the search's weaker hits are folded apart, not counted.
 */
class ConsoleSearchTest {

    private static final Pattern ROW = Pattern.compile("<tr data-key=\"([^\"]+)\">");
    private static final Pattern COUNT = Pattern.compile("id=\"result-count\" role=\"status\">([^<]*)<");
    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient ed;

    @BeforeAll
    static void start() throws InterruptedException {
        server = TestServer.start(dir, true);
        server.createConsoleUser("ed", "editor", "zh-CN", ConsoleSecurityTest.PASSWORD);
        ed = new ConsoleClient(server.base());
        assertEquals(303, ed.signIn("ed", ConsoleSecurityTest.PASSWORD).statusCode());
        awaitIndexed(64);
    }

    /** Waits until search sees the whole sample library (the index follows the store within moments). */
    static void awaitIndexed(int entries) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (server.admin().get("/api/v1/search?status=any&limit=1").json().path("total").asInt() >= entries) return;
            Thread.sleep(25);
        }
        throw new AssertionError("the sample library was not indexed");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The keys the page lists as matches (the main table), in order. */
    static List<String> matches(String page) {
        int weaker = page.indexOf("id=\"weaker-hits\"");
        Matcher m = ROW.matcher(weaker < 0 ? page : page.substring(0, weaker));
        List<String> keys = new ArrayList<>();
        while (m.find()) keys.add(m.group(1));
        return keys;
    }

    static String search(String q) {
        return ed.get("/console/entries?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
    }

    @Test
    void anEntryIsFoundByItsKeyFirst() {
        List<String> exact = matches(search("lost-parcel.zh-tw"));
        assertEquals("lost-parcel.zh-tw", exact.getFirst(), exact.toString());
        List<String> base = matches(search("logistics-delay"));
        assertEquals(List.of("logistics-delay.en", "logistics-delay.zh-cn", "logistics-delay.zh-tw"), base.subList(0, 3),
                "every locale version of the key, before anything the text search adds: " + base);
    }

    @Test
    void theCountIsWhatIsListedAndWeakerHitsAreFoldedApart() {
        String page = search("快递三天没动了");
        List<String> listed = matches(page);
        assertEquals("logistics-delay.zh-cn", listed.getFirst(), "ranked like the widget: " + listed);
        assertTrue(listed.size() < 20, "not 49 of 64: " + listed.size() + " " + listed);
        assertEquals(listed.size() + " 个条目与“快递三天没动了”相符", find(COUNT, page).strip());
        assertTrue(page.contains("id=\"weaker-hits\""), "the search's other hits are one click away");
        assertFalse(matches(page.substring(page.indexOf("id=\"weaker-hits\""))).stream().anyMatch(listed::contains),
                "no entry is both a match and a weaker hit");
    }

    @Test
    void aProblemOrAPhraseOfTheTextFindsItsEntry() {
        assertEquals("damaged-in-transit.zh-cn", matches(search("杯子碎了")).getFirst());
        List<String> phrase = matches(search("已提交催件并加了优先派送标记"));
        assertTrue(phrase.contains("logistics-delay.zh-cn"), "word for word from the script: " + phrase);
    }

    @Test
    void nonsenseFindsNothingAndSaysSo() {
        String page = search("qwertyuiop");
        assertEquals(List.of(), matches(page));
        assertTrue(page.contains("没有条目与“qwertyuiop”相符"), page);
        assertEquals("0 个条目与“qwertyuiop”相符", find(COUNT, page).strip());
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(m.find(), p + " in " + body);
        return m.group(1);
    }
}
