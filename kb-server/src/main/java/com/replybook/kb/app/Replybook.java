package com.replybook.kb.app;

import com.replybook.kb.analytics.AnalyticsModule;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SignInThrottle;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.cases.CaseStore;
import com.replybook.kb.cases.CasesModule;
import com.replybook.kb.clocks.ClocksModule;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.console.ConsoleServlet;
import com.replybook.kb.console.NavCounts;
import com.replybook.kb.console.Page;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.editor.EditorModule;
import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.events.EventStore;
import com.replybook.kb.events.EventsModule;
import com.replybook.kb.exchange.ExchangeModule;
import com.replybook.kb.guardrails.GuardrailsModule;
import com.replybook.kb.followups.FollowUpsModule;
import com.replybook.kb.metrics.MetricsModule;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.plugin.PluginModule;
import com.replybook.kb.render.RenderModule;
import com.replybook.kb.render.ScriptRenderer;
import com.replybook.kb.sample.SampleLibraryModule;
import com.replybook.kb.shops.ShopsModule;
import com.replybook.kb.search.SearchModule;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.tone.ToneModule;
import com.replybook.kb.users.UsersModule;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiServlet;
import com.replybook.kb.web.ErrorGuardFilter;
import com.replybook.kb.web.ErrorServlet;
import com.replybook.kb.web.Router;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running application: the feature modules, built once from the {@link ServerConfig} in dependency order and
 * closed in reverse, and the routers they fill. {@link #mount} puts the servlets and filters into a servlet
 * context. To add a feature, add its module here (see {@code docs/architecture.md}).
 */
public final class Replybook implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Replybook.class.getName());

    private final Platform platform;
    private final PrometheusMeterRegistry registry;
    private MetricsModule metrics;
    private final List<FeatureModule> modules = new ArrayList<>();
    private final Router<ApiCall> api = new Router<>();
    private final Router<Page> console = new Router<>();
    private UsersModule users;
    private EntriesModule entries;
    private RenderModule render;
    private SearchModule search;
    private CasesModule cases;
    private ShopsModule shops;

    private Replybook(ServerConfig config, Clock clock) {
        Database database = Database.open(config);
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.platform = new Platform(config, database, clock,
                SettingsChanges.polling(database, clock, config.pollInterval()), registry);
        try {
            metrics = add(new MetricsModule(platform, registry));
            shops = add(new ShopsModule(platform));
            users = add(new UsersModule(platform, shops.shops()));
            // One event log for the events API and the guardrails, which record each approval step as an event.
            EventStore eventLog = new EventStore(database, clock);
            GuardrailsModule guardrails = add(new GuardrailsModule(platform, eventLog, shops.shops()));
            render = add(new RenderModule(platform, guardrails.replyAdvisor(), shops.shops()));
            shops.checkVoicesWith(render.voiceCheck()); // the shops' greetings run in the renderer's sandbox
            entries = add(new EntriesModule(platform, render.scriptCheck().and(guardrails.scriptCheck()),
                    render.entryActions(), shops.shops()));
            AnalyticsModule analytics = add(new AnalyticsModule(platform, shops.shops())); // before search: it is told the customers' words
            search = add(new SearchModule(platform, entries.store(), analytics.customerWords(), shops.shops(),
                    eventLog::recentSearchTexts));
            add(new SampleLibraryModule(platform, entries));
            add(new EditorModule(platform, entries, search.service(), render, shops.shops()));
            cases = add(new CasesModule(platform, entries.store(), search.service(), shops.shops()));
            add(new ExchangeModule(platform, entries, cases, search.service()));
            add(new EventsModule(platform, eventLog, entries.store(), shops.shops()));
            add(new ToneModule(platform, shops.shops()));
            add(new ClocksModule(platform));
            add(new FollowUpsModule(platform, entries.store(), shops.shops()));
            add(new PluginModule());
            add(new StatusModule(this::ready));
            for (FeatureModule m : modules) {
                m.api(api);
                m.console(console);
            }
        } catch (RuntimeException e) {
            close(); // a failed start must not leave the database pool or worker threads behind
            throw e;
        }
    }

    /** Builds and starts everything; throws when the database cannot be opened or migrated. */
    public static Replybook start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts with {@code clock} as the one source of "now" (tests fix it to get exact dates and periods). */
    public static Replybook start(ServerConfig config, Clock clock) {
        return new Replybook(config, clock);
    }

    private <M extends FeatureModule> M add(M module) {
        modules.add(module);
        return module;
    }

    /** Registers filters and servlets in {@code ctx}; call once, while the context is starting. */
    public void mount(ServletContext ctx) {
        FilterRegistration.Dynamic errors = ctx.addFilter("errors", new ErrorGuardFilter());
        errors.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        FilterRegistration.Dynamic timing = ctx.addFilter("request-metrics", metrics.requestFilter(api, console));
        timing.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*", "/console/*");
        FilterRegistration.Dynamic auth = ctx.addFilter("auth", users.authFilter(Set.of(StatusModule.HEALTH),
                search.warmUpPass()));
        auth.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");
        ctx.addServlet("api", new ApiServlet(api)).addMapping("/api/*");
        if (!ctx.addServlet("root", new RootServlet()).addMapping("/").isEmpty()) {
            LOG.warning("The container keeps its own default servlet: it may list directories at /");
        }
        ctx.addServlet("error", new ErrorServlet()).addMapping(ErrorServlet.PATH);
        ServletRegistration.Dynamic pages = ctx.addServlet("console",
                new ConsoleServlet(users.sessions(), users.signIns(), console,
                        NavCounts.all(modules.stream().map(FeatureModule::navCounts).toList())));
        pages.addMapping("/console/*");
        long max = platform.config().maxRequestBytes();
        pages.setMultipartConfig(new MultipartConfigElement(null, max, max, 1 << 20));
        for (FeatureModule m : modules) {
            m.servlets().forEach((mapping, servlet) -> ctx.addServlet(mapping, servlet).addMapping(mapping));
        }
    }

    /**
     * Tells the application the address it answers HTTP at, once the server listens (the embedded launcher does; a
     * container does not): {@code http://127.0.0.1:<port>}. The start-up replay then searches through it.
     */
    public void listeningAt(URI base) {
        search.listeningAt(base);
    }

    /** True once every module that needs warming up (the search index) is ready. */
    public boolean ready() {
        return modules.stream().allMatch(FeatureModule::ready);
    }

    /** The API's routes, for the OpenAPI guard test. */
    public List<Router.Route<ApiCall>> apiRoutes() {
        return api.routes();
    }

    public ServerConfig config() {
        return platform.config();
    }

    public Database database() {
        return platform.database();
    }

    public EntryStore entries() {
        return entries.store();
    }

    public SearchService search() {
        return search.service();
    }

    public ScriptRenderer renderer() {
        return render.renderer();
    }

    public UserStore users() {
        return users.users();
    }

    public PasswordStore passwords() {
        return users.passwords();
    }

    /** Password checks under the limits on guessing (the only way to check a password). */
    public SignInThrottle signIns() {
        return users.signIns();
    }

    public CaseStore cases() {
        return cases.store();
    }

    /** The admin token generated on this start, if one was (never when it was configured). */
    public Optional<String> generatedAdminToken() {
        return users.generatedAdminToken();
    }

    @Override
    public void close() {
        for (int i = modules.size() - 1; i >= 0; i--) {
            try {
                modules.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Error while closing " + modules.get(i).getClass().getSimpleName(), e);
            }
        }
        platform.settings().close();
        registry.close();
        platform.database().close();
    }
}
