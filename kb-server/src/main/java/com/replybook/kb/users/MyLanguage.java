package com.replybook.kb.users;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.User;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code POST /console/me/locale}: anyone signed in chooses the console's language ({@code zh-CN}, {@code zh-TW},
 * {@code en}, or empty for the browser's), stored on their user; back to the page they were on, now in it.
 */
final class MyLanguage {

    /** A console path to return to: no scheme, host, line break or backslash can get in. */
    private static final Pattern CONSOLE_PATH = Pattern.compile("[A-Za-z0-9/_.~%?=&+-]*");

    private final UserStore users;

    MyLanguage(UserStore users) {
        this.users = users;
    }

    void routes(Router<Page> r) {
        r.post("/me/locale", this::change);
    }

    private void change(Page p) throws IOException {
        Principal me = p.me();
        String locale = p.param("locale");
        User changed = users.update(me.userId(), null, null, locale == null ? "" : locale, null);
        Messages now = Messages.forTag(changed.locale() != null ? changed.locale()
                : p.request().getLocale().toLanguageTag());
        p.redirectSaying(back(p), now.get("flash.languageChanged", now.get("language." + now.tag())));
    }

    /** The console page the form was on, relative to {@code /console/}; the start page otherwise. */
    private static String back(Page p) {
        String from = p.param("back");
        String prefix = p.request().getContextPath() + "/console/";
        if (from == null || !from.startsWith(prefix)) return "";
        String rest = from.substring(prefix.length());
        return CONSOLE_PATH.matcher(rest).matches() && !rest.startsWith("/") ? rest : "";
    }
}
