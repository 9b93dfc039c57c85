package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.User;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entries list and the stale queue: the list's text search is the search agents use. */
class ConsoleEntryListTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient ed;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        User user = server.app().users().createUser("ed", "ed", Role.EDITOR, "en");
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ed = new ConsoleClient(server.base());
        assertEquals(303, ed.signIn("ed", ConsoleSecurityTest.PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Creates {@code entry} and waits until search has it (the index follows the store within moments). */
    static String create(Map<String, Object> entry) throws InterruptedException {
        var r = server.admin().post("/api/v1/entries", entry);
        assertEquals(201, r.status(), r.text());
        String path = "/api/v1/search?status=any&limit=100&" + q((String) entry.get("problem"));
        for (int i = 0; i < 200 && !server.admin().get(path).text().contains((String) entry.get("key")); i++) {
            Thread.sleep(25);
        }
        assertTrue(server.admin().get(path).text().contains((String) entry.get("key")), "indexed");
        return r.json().path("id").asText();
    }

    static String list(String query) {
        return ed.get("/console/entries?" + query).body();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void textSearchFindsWhatAgentsFindEvenInTraditionalChineseAndRanksTheBestFirst() throws Exception {
        create(Fixtures.entry("parcel-stuck.zh-cn"));
        var other = Fixtures.entry("parcel-broken.zh-cn");
        other.put("problem", "收到的杯子碎了");
        other.put("questions", java.util.List.of("杯子摔碎了", "包裹里的东西坏了"));
        create(other);
        // 沒 and 動 are traditional: a substring match on the stored simplified text finds nothing.
        String body = list(q("快遞三天沒動了"));
        assertTrue(body.contains("parcel-stuck.zh-cn"), body);
        int stuck = body.indexOf("parcel-stuck.zh-cn");
        int broken = body.indexOf("parcel-broken.zh-cn");
        assertTrue(broken < 0 || stuck < broken, "the better match comes first");
        String cups = list(q("杯子碎了"));
        assertTrue(cups.indexOf("parcel-broken.zh-cn") >= 0, cups);
        assertTrue(cups.indexOf("parcel-stuck.zh-cn") < 0 || cups.indexOf("parcel-broken.zh-cn") < cups.indexOf("parcel-stuck.zh-cn"));
    }

    @Test
    void textSearchListsDraftsForEditorsAndKeepsTheOtherFilters() throws Exception {
        var draft = Fixtures.entry("refund-timing.en");
        draft.put("locale", "en");
        draft.put("category", "refund/timing");
        draft.put("problem", "When will my refund arrive");
        draft.put("questions", java.util.List.of("where is my refund"));
        draft.put("cause", "Banks take 3 to 5 working days");
        draft.put("script", "Your refund for ${order.id} is on its way.");
        draft.put("diagnostics", java.util.List.of());
        draft.put("actions", java.util.List.of());
        create(draft);
        assertTrue(list(q("refund") + "&status=draft").contains("refund-timing.en"));
        assertFalse(list(q("refund") + "&status=published").contains("refund-timing.en"));
        assertFalse(list(q("refund") + "&locale=zh-CN").contains("refund-timing.en"));
    }

    @Test
    void entriesWithoutAChannelVersionCanBeListedToWriteThem() throws Exception {
        var both = Fixtures.entry("versions-both.zh-cn");
        both.put("smsScript", "订单 ${order.id} 已加急。");
        both.put("reviewScript", "包裹已加急派送。");
        var smsOnly = Fixtures.entry("versions-sms.zh-cn");
        smsOnly.put("smsScript", "订单 ${order.id} 已加急。");
        var none = Fixtures.entry("versions-none.zh-cn");
        create(both);
        create(smsOnly);
        create(none);

        String noSms = list("missing=sms&category=" + URLEncoder.encode("物流/延误", StandardCharsets.UTF_8));
        assertTrue(noSms.contains("versions-none.zh-cn"), noSms);
        assertFalse(noSms.contains("versions-both.zh-cn") || noSms.contains("versions-sms.zh-cn"), noSms);
        String noReview = list("missing=review");
        assertTrue(noReview.contains("versions-none.zh-cn") && noReview.contains("versions-sms.zh-cn"), noReview);
        assertFalse(noReview.contains("versions-both.zh-cn"), noReview);
        assertTrue(list("missing=anything-else").contains("versions-both.zh-cn"), "an unknown value does not filter");
    }

    @Test
    void staleEntriesAreQueuedAndFlaggedUntilSomeoneConfirmsTheyAreStillCorrect() throws Exception {
        var e = Fixtures.entry("old-advice.zh-cn");
        e.put("status", "published");
        e.put("verifyEveryDays", 30);
        String id = create(e);
        // Last verified 200 days ago.
        server.app().database().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE entries SET created_at = ?, verified_at = NULL WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis() - 200L * 86_400_000L);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
        String queue = ed.get("/console/stale").body();
        assertTrue(queue.contains("old-advice.zh-cn"), queue);
        assertTrue(list("stale=1").contains("old-advice.zh-cn"));
        assertTrue(ed.get("/console/entries/" + id).body().contains("id=\"stale-flag\""));

        String version = find(Pattern.compile("name=\"version\" value=\"(\\d+)\""), queue);
        var r = ed.post("/console/entries/" + id, Map.of("_csrf", ed.csrf("/console/stale"), "version", version, "action", "verify"));
        assertEquals(303, r.statusCode(), r.body());
        assertFalse(ed.get("/console/stale").body().contains("old-advice.zh-cn"));
        assertFalse(ed.get("/console/entries/" + id).body().contains("id=\"stale-flag\""));
    }

    static String find(Pattern p, String body) {
        return ConsoleSecurityTest.find(p, body);
    }

    @Test
    void aSearchThatOnlyComesCloseSaysNoGoodMatchAndFoldsTheWeakerHitsWithANewEntryOneClickAway() throws Exception {
        var invoice = Fixtures.entry("invoice-title.zh-cn");
        invoice.put("problem", "发票抬头开错了");
        invoice.put("questions", java.util.List.of("发票抬头写错了怎么改"));
        create(invoice);

        String close = list(q("发票 洗衣机 滚筒 噪音 漏水"));
        assertTrue(close.contains("invoice-title.zh-cn"), "the weaker hit is still listed: " + close);
        assertTrue(close.contains("id=\"no-good-match\""), close);
        assertTrue(close.indexOf("id=\"weaker-hits\"") < close.indexOf("invoice-title.zh-cn"), "folded under the note");
        assertTrue(close.contains("/console/entries/new?question=" + URLEncoder.encode("发票 洗衣机 滚筒 噪音 漏水",
                StandardCharsets.UTF_8).replace("+", "%20")), "a new entry for the question, one click away");

        String good = list(q("发票抬头写错了怎么改"));
        assertTrue(good.contains("invoice-title.zh-cn"), good);
        assertFalse(good.contains("no-good-match"), "a confident search lists its hits plainly");
    }
}
