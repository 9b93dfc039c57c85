package com.replybook.kb.app;

import com.replybook.kb.analytics.InsightsQuery;
import com.replybook.kb.analytics.InsightsServlet;
import com.replybook.kb.auth.AdminBootstrap;
import com.replybook.kb.auth.AuthFilter;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.cases.CaseParser;
import com.replybook.kb.cases.CaseServlet;
import com.replybook.kb.cases.CaseStore;
import com.replybook.kb.cases.ExcerptSanitizer;
import com.replybook.kb.console.ConsoleModule;
import com.replybook.kb.console.RendererPreview;
import com.replybook.kb.console.ScriptPreview;
import com.replybook.kb.render.HtmlCleaner;
import com.replybook.kb.exchange.ImportJobs;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.auth.UserServlet;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryServlet;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.events.EventServlet;
import com.replybook.kb.events.EventStore;
import com.replybook.kb.plugin.PluginAssetServlet;
import com.replybook.kb.render.RenderServlet;
import com.replybook.kb.render.RenderSettings;
import com.replybook.kb.render.ScriptRenderer;
import com.replybook.kb.sample.SampleLibrary;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.tone.EmotionDetector;
import com.replybook.kb.tone.ToneAdvisor;
import com.replybook.kb.tone.ToneRules;
import com.replybook.kb.tone.ToneServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running application: every part built once from the {@link ServerConfig}, in dependency order, and
 * closed in reverse. {@link #mount} puts the servlets and filters into a servlet context.
 */
public final class Replybook implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Replybook.class.getName());
    static final String HEALTH = "/api/v1/health";

    private final ServerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Database db;
    private final UserStore users;
    private final EntryStore entries;
    private final EntryServlet entryServlet;
    private final EntryDraftParser parser;
    private final SessionAuth sessions;
    private final PasswordStore passwords;
    private final CaseStore cases;
    private final CaseParser caseParser;
    private final ImportJobs imports;
    private final SearchService search;
    private final ScriptRenderer renderer;
    private final RenderServlet renderServlet;
    private final List<Route> routes = new ArrayList<>();
    private final List<BooleanSupplier> readiness = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Optional<String> generatedAdminToken;

    private Replybook(ServerConfig config) {
        this.config = config;
        this.db = Database.open(config);
        closeables.add(db);
        try {
            this.users = new UserStore(db, clock);
            this.generatedAdminToken = AdminBootstrap.ensureAdmin(users, config.adminToken());
            this.entries = new EntryStore(db, clock);
            this.renderer = new ScriptRenderer(RenderSettings.defaults().withTimeLimit(config.renderTimeout()));
            closeables.add(renderer);
            this.renderServlet = new RenderServlet(renderer);
            EntryDraftParser parser = new EntryDraftParser(RenderServlet.scriptCheck(renderer));
            this.parser = parser;
            this.sessions = new SessionAuth(users);
            this.passwords = new PasswordStore(db, users);
            this.cases = new CaseStore(db, clock);
            this.caseParser = new CaseParser(new ExcerptSanitizer(HtmlCleaner::clean));
            this.imports = new ImportJobs(entries, parser, new EntryPolicy());
            closeables.add(imports);
            this.entryServlet = new EntryServlet(entries, parser, config.maxRequestBytes(), clock);
            entryServlet.addSubresource("render", renderServlet);
            this.search = SearchService.start(config.dataDir(), entries, db, clock, config.semanticSearch(),
                    config.searchCacheEntries());
            closeables.add(search);
            readiness.add(search::isReady);
            if (config.sampleData()) SampleLibrary.loadIfEmpty(entries, parser);
            defineRoutes();
        } catch (RuntimeException e) {
            close(); // a failed start must not leave the database pool or worker threads behind
            throw e;
        }
    }

    /** Builds and starts everything; throws when the database cannot be opened or migrated. */
    public static Replybook start(ServerConfig config) {
        return new Replybook(config);
    }

    private void defineRoutes() {
        routes.add(new Route("health", List.of(HEALTH), new HealthServlet(this::ready), List.of("GET " + HEALTH)));
        routes.add(new Route("openapi", List.of("/api/v1/openapi.json"), new OpenApiServlet(),
                List.of("GET /api/v1/openapi.json")));
        routes.add(new Route("entries", List.of("/api/v1/entries", "/api/v1/entries/*"), entryServlet, List.of(
                "GET /api/v1/entries", "POST /api/v1/entries", "POST /api/v1/entries/import",
                "GET /api/v1/entries/{ref}", "PUT /api/v1/entries/{ref}", "DELETE /api/v1/entries/{ref}",
                "GET /api/v1/entries/{ref}/revisions", "POST /api/v1/entries/{ref}/verify",
                "POST /api/v1/entries/{ref}/render")));
        routes.add(new Route("render", List.of("/api/v1/render"), renderServlet, List.of("POST /api/v1/render")));
        routes.add(new Route("search", List.of("/api/v1/search", "/api/v1/search/*"), search.searchServlet(),
                List.of("GET /api/v1/search", "POST /api/v1/search/ticket")));
        routes.add(new Route("suggest", List.of("/api/v1/suggest"), search.suggestServlet(),
                List.of("GET /api/v1/suggest")));
        routes.add(new Route("synonyms", List.of("/api/v1/synonyms/*"), search.synonymServlet(),
                List.of("GET /api/v1/synonyms/{locale}", "PUT /api/v1/synonyms/{locale}")));
        definePluginRoutes();
        UserServlet userServlet = new UserServlet(users, passwords);
        routes.add(new Route("users", List.of("/api/v1/users", "/api/v1/users/*", "/api/v1/me"), userServlet, List.of(
                "GET /api/v1/me", "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/{id}",
                "PUT /api/v1/users/{id}", "PUT /api/v1/users/{id}/password", "GET /api/v1/users/{id}/tokens", "POST /api/v1/users/{id}/tokens",
                "DELETE /api/v1/users/{id}/tokens/{tokenId}")));
        routes.add(new Route("cases", List.of("/api/v1/cases", "/api/v1/cases/*"),
                new CaseServlet(cases, caseParser), List.of("POST /api/v1/cases", "GET /api/v1/cases",
                "GET /api/v1/cases/{id}")));
        ScriptPreview preview = new RendererPreview(renderer);
        routes.add(new Route(CONSOLE, List.of("/console/*"), ConsoleModule.servlet(new ConsoleModule.Parts(db, search, users,
                passwords, sessions, entries, parser, preview, cases, caseParser, imports, config.maxRequestBytes(),
                clock)), List.of()));
    }

    static final String CONSOLE = "console";

    /** The help-desk side (issue 3): usage events, tone advice and the widget's static files. */
    private void definePluginRoutes() {
        routes.add(new Route("analytics", List.of("/api/v1/analytics/insights"),
                new InsightsServlet(new InsightsQuery(db, clock)), List.of("GET /api/v1/analytics/insights")));
        routes.add(new Route("events", List.of("/api/v1/events"), new EventServlet(new EventStore(db, clock)),
                List.of("GET /api/v1/events", "POST /api/v1/events")));
        ToneRules toneRules = new ToneRules(db, clock);
        routes.add(new Route("tone", List.of("/api/v1/tone/*"),
                new ToneServlet(toneRules, new ToneAdvisor(toneRules, new EmotionDetector())),
                List.of("POST /api/v1/tone/suggest", "GET /api/v1/tone/mapping", "PUT /api/v1/tone/mapping")));
        routes.add(new Route("plugin", List.of("/plugin/*"), new PluginAssetServlet(), List.of()));
    }

    /** Registers filters and servlets in {@code ctx}; call once, while the context is starting. */
    public void mount(ServletContext ctx) {
        FilterRegistration.Dynamic headers = ctx.addFilter("security-headers", new SecurityHeadersFilter());
        headers.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        FilterRegistration.Dynamic auth = ctx.addFilter("auth", new AuthFilter(users, Set.of(HEALTH), sessions));
        auth.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");
        for (Route r : routes) {
            ServletRegistration.Dynamic reg = ctx.addServlet(r.name(), r.servlet());
            reg.addMapping(r.mappings().toArray(String[]::new));
            if (r.name().equals(CONSOLE)) {
                reg.setMultipartConfig(new MultipartConfigElement(null, config.maxRequestBytes(), config.maxRequestBytes(), 1 << 20));
            }
        }
        configureSessionCookie(ctx);
    }

    /**
     * The console's session cookie: HttpOnly and SameSite=Strict always; Secure is added by the container
     * whenever the request came over HTTPS (Jetty and Tomcat both do), so plain-HTTP development still works.
     */
    private static void configureSessionCookie(ServletContext ctx) {
        try {
            ctx.getSessionCookieConfig().setName("RBSESSION");
            ctx.getSessionCookieConfig().setHttpOnly(true);
            ctx.getSessionCookieConfig().setAttribute("SameSite", "Strict");
        } catch (IllegalStateException e) {
            LOG.warning("Session cookie settings come from the container (web.xml): " + e.getMessage());
        }
    }

    /** True once every part that needs warming up (the search index) is ready. */
    public boolean ready() {
        return readiness.stream().allMatch(BooleanSupplier::getAsBoolean);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ServerConfig config() {
        return config;
    }

    public Database database() {
        return db;
    }

    public EntryStore entries() {
        return entries;
    }

    public SearchService search() {
        return search;
    }

    public ScriptRenderer renderer() {
        return renderer;
    }

    public UserStore users() {
        return users;
    }

    public PasswordStore passwords() {
        return passwords;
    }

    public CaseStore cases() {
        return cases;
    }

    /** The admin token generated on this start, if one was (never when it was configured). */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Error while closing " + closeables.get(i), e);
            }
        }
    }
}
