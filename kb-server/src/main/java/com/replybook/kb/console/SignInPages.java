package com.replybook.kb.console;

import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.SignInThrottle;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sign-in, sign-out and sign-out everywhere (every session of the user, in every browser and on every node). A
 * failed sign-in says only that the pair did not match, never which half; too many attempts get 429 with
 * {@code Retry-After} and say, in the visitor's language, how many minutes to wait ({@link SignInThrottle}).
 */
final class SignInPages {

    private final SignInThrottle signIns;
    private final SessionAuth sessions;

    SignInPages(SignInThrottle signIns, SessionAuth sessions) {
        this.signIns = signIns;
        this.sessions = sessions;
    }

    void routes(Router<Page> r) {
        r.get("/signin", p -> p.render("signin.ftlh", Map.of("username", "", "failed", false,
                        "signedOutEverywhere", "everywhere".equals(p.param("out")))))
                .post("/signin", this::signIn)
                .post("/signout", this::signOut)
                .post("/signout/everywhere", this::signOutEverywhere);
    }

    private void signIn(Page p) throws IOException {
        String username = p.param("username");
        SignInThrottle.Result result = signIns.signIn(username, p.raw("password"), p.request());
        if (result.user().isPresent()) {
            sessions.signIn(p.request(), p.response(), result.user().get());
            p.redirect("", null); // the start page for their role
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of("username", username == null ? "" : username, "failed", true));
        if (result.throttled()) {
            long seconds = result.retryAfter().toSeconds();
            p.response().setHeader("Retry-After", Long.toString(seconds));
            model.put("waitMinutes", Math.max(1, (seconds + 59) / 60));
        }
        p.render(result.throttled() ? 429 : 401, "signin.ftlh", model);
    }

    private void signOut(Page p) {
        sessions.signOut(p.request(), p.response());
        toSignIn(p);
    }

    /** Signs out everywhere; the sign-in page then confirms it (there is no session left to carry a flash). */
    private void signOutEverywhere(Page p) {
        sessions.signOutEverywhere(p.request(), p.response());
        p.response().setStatus(303);
        p.response().setHeader("Location", p.request().getContextPath() + "/console/signin?out=everywhere");
    }

    private static void toSignIn(Page p) {
        p.response().setStatus(303);
        p.response().setHeader("Location", p.request().getContextPath() + "/console/signin");
    }
}
