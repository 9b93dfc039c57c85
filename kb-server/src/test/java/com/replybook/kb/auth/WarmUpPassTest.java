package com.replybook.kb.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpPassTest {

    static final String SEARCH = "/api/v1/search";

    @Test
    void onlyTheTokenIssuedLastIsAdmittedOnTheSearchRoutesAndNoneOnceRevoked() {
        WarmUpPass pass = new WarmUpPass();
        assertFalse(pass.admits("", SEARCH), "nothing before a token is issued");
        String first = pass.issue();
        assertTrue(first.length() >= 40, "256 random bits: " + first);
        assertTrue(pass.admits(first, SEARCH));
        assertTrue(pass.admits(first, "/api/v1/search/ticket"));
        assertFalse(pass.admits(first, "/api/v1/entries"), "the search routes only");
        assertFalse(pass.admits(first, "/api/v1/users"));
        assertFalse(pass.admits(first.substring(0, first.length() - 1), SEARCH));
        String second = pass.issue();
        assertNotEquals(first, second);
        assertFalse(pass.admits(first, SEARCH), "a new token replaces the old one");
        assertTrue(pass.admits(second, SEARCH));
        pass.revoke();
        assertFalse(pass.admits(second, SEARCH));
    }

    @Test
    void theReplayIsToldApartByIdentityNotByValue() {
        assertTrue(WarmUpPass.is(WarmUpPass.PRINCIPAL));
        Principal sameValues = new Principal(WarmUpPass.PRINCIPAL.userId(), WarmUpPass.PRINCIPAL.username(),
                WarmUpPass.PRINCIPAL.role(), null);
        assertFalse(WarmUpPass.is(sameValues), "a user who happens to have the same name and role is a user");
    }
}
