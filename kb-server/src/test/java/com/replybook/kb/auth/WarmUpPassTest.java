package com.replybook.kb.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmUpPassTest {

    @Test
    void onlyTheTokenIssuedLastIsAdmittedAndNoneOnceRevoked() {
        WarmUpPass pass = new WarmUpPass();
        assertFalse(pass.admits(""), "nothing before a token is issued");
        String first = pass.issue();
        assertTrue(first.length() >= 40, "256 random bits: " + first);
        assertTrue(pass.admits(first));
        assertFalse(pass.admits(first.substring(0, first.length() - 1)));
        String second = pass.issue();
        assertNotEquals(first, second);
        assertFalse(pass.admits(first), "a new token replaces the old one");
        assertTrue(pass.admits(second));
        pass.revoke();
        assertFalse(pass.admits(second));
    }

    @Test
    void theReplayIsToldApartByIdentityNotByValue() {
        assertTrue(WarmUpPass.is(WarmUpPass.PRINCIPAL));
        Principal sameValues = new Principal(WarmUpPass.PRINCIPAL.userId(), WarmUpPass.PRINCIPAL.username(),
                WarmUpPass.PRINCIPAL.role(), null);
        assertFalse(WarmUpPass.is(sameValues), "a user who happens to have the same name and role is a user");
    }
}
