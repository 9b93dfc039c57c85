package com.replybook.kb.console;

import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.User;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in, sign-out and sign-out everywhere (every session of the user, in every browser and on every node). A
 * failed sign-in says only that the pair did not match, never which half.
 */
final class SignInPages {

    private final PasswordStore passwords;
    private final SessionAuth sessions;

    SignInPages(PasswordStore passwords, SessionAuth sessions) {
        this.passwords = passwords;
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
        Optional<User> user = passwords.check(username, p.raw("password"));
        if (user.isEmpty()) {
            p.render(401, "signin.ftlh", Map.of("username", username == null ? "" : username, "failed", true));
            return;
        }
        sessions.signIn(p.request(), p.response(), user.get());
        p.redirect("entries", null);
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
