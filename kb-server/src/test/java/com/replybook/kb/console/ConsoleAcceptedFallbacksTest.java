package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.User;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entry editor's checkboxes for the stand-in words an entry accepts, saved and shown again. */
class ConsoleAcceptedFallbacksTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient ed;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        User user = server.app().users().createUser("ed", "ed", Role.EDITOR, "zh-CN");
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ed = new ConsoleClient(server.base());
        assertEquals(303, ed.signIn("ed", ConsoleSecurityTest.PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEditorTicksTheStandInsTheEntryAcceptsAndTheEditorShowsThemTicked() {
        String form = ed.get("/console/entries/new").body();
        assertTrue(form.contains("name=\"acceptedFallbacks\" value=\"tracking.carrier\""), "one checkbox per variable");
        assertTrue(form.contains("缺少时可用通用词代替的变量"), "in the editor's language");

        Map<String, String> fields = ConsoleSecurityTest.entryForm("carrier-ok.en", "Parcel is late");
        fields.put("_csrf", ed.csrf("/console/entries/new"));
        fields.put("acceptedFallbacks", "tracking.carrier");
        HttpResponse<String> saved = ed.post("/console/entries/new", fields);
        assertEquals(303, saved.statusCode(), saved.body());
        var entry = server.app().entries().find("carrier-ok.en").orElseThrow();
        assertEquals(List.of("tracking.carrier"), entry.acceptedFallbacks());
        assertTrue(ed.get("/console/entries/" + entry.id()).body()
                .contains("value=\"tracking.carrier\" checked"), "shown ticked");

        Map<String, String> none = ConsoleSecurityTest.entryForm("carrier-asked.en", "Parcel is late");
        none.put("_csrf", ed.csrf("/console/entries/new"));
        assertEquals(303, ed.post("/console/entries/new", none).statusCode());
        assertEquals(List.of(), server.app().entries().find("carrier-asked.en").orElseThrow().acceptedFallbacks());
    }
}
