package com.replybook.kb.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credential of the start-up replay's searches over HTTP ({@code SearchWarmUp}): one random token of 256 bits,
 * issued when the replay starts and revoked when it ends, never stored or logged, known only inside this process. The
 * requests it authenticates (on the search routes only) run as {@link #PRINCIPAL}, an editor of every shop, and are
 * told apart by that very instance ({@link #is}, {@link #carries}): the API answers them without the result cache and
 * without telling analytics the customer's words, and the request meters leave them out. So the replay warms the path
 * agents' requests take (HTTP, filters, JSON, search) and records nothing of its own. Thread-safe.
 */
public final class WarmUpPass {

    /** Who the replay's requests run as; compared by identity, so no stored user can ever be taken for it. */
    public static final Principal PRINCIPAL = new Principal("replybook-warm-up", "replybook-warm-up", Role.EDITOR, null);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The paths the pass opens: {@code GET /api/v1/search} and {@code POST /api/v1/search/ticket}. */
    static final String SEARCH_ROUTES = "/api/v1/search";

    private volatile byte[] token;

    /** Issues a new token (the one issued before stops working) and returns it. */
    public String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String issued = "rbw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        token = issued.getBytes(StandardCharsets.US_ASCII);
        return issued;
    }

    /** From now on no token is admitted. */
    public void revoke() {
        token = null;
    }

    /**
     * True when {@code candidate} is the token issued last and not revoked (compared in constant time), and
     * {@code path} is one the replay calls: the search routes only, so the pass could do nothing else even if it leaked.
     */
    boolean admits(String candidate, String path) {
        byte[] issued = token;
        return issued != null && path.startsWith(SEARCH_ROUTES)
                && MessageDigest.isEqual(issued, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code caller} is the replay. */
    public static boolean is(Principal caller) {
        return caller == PRINCIPAL;
    }

    /** True when {@code req} was authenticated by the pass: a request of the replay. */
    public static boolean carries(HttpServletRequest req) {
        return req.getAttribute(Principal.ATTRIBUTE) == PRINCIPAL;
    }
}
