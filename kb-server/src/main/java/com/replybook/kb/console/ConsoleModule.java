package com.replybook.kb.console;

import com.replybook.kb.analytics.InsightsQuery;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.cases.CaseParser;
import com.replybook.kb.cases.CaseStore;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.exchange.CaseExchange;
import com.replybook.kb.exchange.ImportJobs;
import com.replybook.kb.search.SearchHit;
import com.replybook.kb.search.SearchRequest;
import com.replybook.kb.search.SearchService;
import jakarta.servlet.http.HttpServlet;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds the console's pages from the application's parts and hands back the one servlet to mount at
 * {@code /console/*}. The composition root calls {@link #servlet} once.
 */
public final class ConsoleModule {

    private ConsoleModule() {
    }

    /** Everything the console needs from the rest of the application. */
    public record Parts(Database db, SearchService search, UserStore users, PasswordStore passwords, SessionAuth sessions,
                       EntryStore entries, EntryDraftParser parser, ScriptPreview preview, CaseStore cases,
                       CaseParser caseParser, ImportJobs imports, long maxUploadBytes, Clock clock) {
    }

    public static HttpServlet servlet(Parts p) {
        EntryPolicy policy = new EntryPolicy();
        EntryFinder finder = new EntryFinder(p.db(), lucene(p.search()));
        ConsoleRoutes routes = new ConsoleRoutes();
        new StaticFiles().routes(routes);
        new SignInPages(p.passwords(), p.sessions()).routes(routes);
        routes.post("preview", new PreviewEndpoint(p.preview())::handle);
        new RevisionPages(p.entries(), policy).routes(routes);
        new EntryPages(p.entries(), p.parser(), finder, policy, p.clock()).routes(routes);
        new StalePage(finder, p.clock()).routes(routes);
        new InsightsPage(new InsightsQuery(p.db(), p.clock())).routes(routes);
        new SynonymPage().routes(routes);
        new CasePages(p.cases(), p.caseParser()).routes(routes);
        new CollectionPages(p.cases(), p.entries()).routes(routes);
        new ExchangePages(p.imports(), p.entries(), new CaseExchange(p.cases(), p.caseParser()),
                p.maxUploadBytes(), p.clock()).routes(routes);
        new UserPages(p.users(), p.passwords()).routes(routes);
        return new ConsoleServlet(p.sessions(), routes);
    }

    /**
     * The entries list's text search: the Lucene search agents use (segmentation, traditional/simplified,
     * synonyms), over every status; empty while the index is still being built.
     */
    static EntryFinder.TextSearch lucene(SearchService search) {
        return f -> {
            if (!search.isReady()) return Optional.empty();
            SearchRequest r = new SearchRequest(f.q(), SearchRequest.MAX_LIMIT, f.locale(), f.category(),
                    f.tag() == null ? List.of() : List.of(f.tag()), EnumSet.allOf(EntryStatus.class));
            return Optional.of(search.search(r).hits().stream().map(SearchHit::id).toList());
        };
    }
}
