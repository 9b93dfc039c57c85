package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shops tmall and jd on a test server, and console users signed in to it, for the console tests of shops. */
final class ShopConsole {

    private ShopConsole() {
    }

    static void twoShops(TestServer server) {
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
    }

    /** A console user of {@code role} limited to {@code shops} (none: every shop), signed in. */
    static ConsoleClient signedIn(TestServer server, String username, Role role, String... shops) {
        var user = server.app().users().createUser(username, username, role, "en", List.of(shops));
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(username, ConsoleSecurityTest.PASSWORD).statusCode());
        return c;
    }
}
