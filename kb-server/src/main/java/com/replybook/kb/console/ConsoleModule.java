package com.replybook.kb.console;

import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.cases.CaseParser;
import com.replybook.kb.cases.CaseStore;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.exchange.CaseExchange;
import com.replybook.kb.exchange.ImportJobs;
import jakarta.servlet.http.HttpServlet;

import java.time.Clock;

/**
 * Builds the console's pages from the application's parts and hands back the one servlet to mount at
 * {@code /console/*}. The composition root calls {@link #servlet} once.
 */
public final class ConsoleModule {

    private ConsoleModule() {
    }

    /** Everything the console needs from the rest of the application. */
    public record Parts(Database db, UserStore users, PasswordStore passwords, SessionAuth sessions,
                       EntryStore entries, EntryDraftParser parser, ScriptPreview preview, CaseStore cases,
                       CaseParser caseParser, ImportJobs imports, long maxUploadBytes, Clock clock) {
    }

    public static HttpServlet servlet(Parts p) {
        EntryPolicy policy = new EntryPolicy();
        EntryFinder finder = new EntryFinder(p.db());
        ConsoleRoutes routes = new ConsoleRoutes();
        new StaticFiles().routes(routes);
        new SignInPages(p.passwords(), p.sessions()).routes(routes);
        routes.post("preview", new PreviewEndpoint(p.preview())::handle);
        new RevisionPages(p.entries(), policy).routes(routes);
        new EntryPages(p.entries(), p.parser(), finder, policy, p.clock()).routes(routes);
        new StalePage(finder, p.clock()).routes(routes);
        new SynonymPage().routes(routes);
        new CasePages(p.cases(), p.caseParser()).routes(routes);
        new CollectionPages(p.cases(), p.entries()).routes(routes);
        new ExchangePages(p.imports(), p.entries(), new CaseExchange(p.cases(), p.caseParser()),
                p.maxUploadBytes(), p.clock()).routes(routes);
        new UserPages(p.users(), p.passwords()).routes(routes);
        return new ConsoleServlet(p.sessions(), routes);
    }
}
