package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.SupportedLocale;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;


import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders entry scripts into replies and checks scripts before they are saved. Build one per server;
 * thread-safe; {@link #close()} stops its worker threads.
 *
 * <p>A reply is the entry's script inside a tone layout inside a channel layout (see {@code templates/}).
 * Scripts are untrusted FreeMarker fragments: they run in a sandbox that refuses {@code ?new},
 * {@code ?api}, {@code ?interpret}, {@code ?eval}, includes, imports, macros and assignments, on a worker
 * thread that is interrupted after {@link RenderSettings#timeLimit()}, with output capped at
 * {@link RenderSettings#maxOutputChars()}. Ticket values are data: escaped in HTML, never interpreted.
 *
 * <p>Scripts can use {@code customer.name}, {@code order.id}, {@code order.amount}, {@code order.date},
 * {@code product.name}, {@code tracking.no}, {@code tracking.carrier}, {@code agent.name}, {@code agent.id},
 * {@code shop.name}, {@code ticket.id}, {@code refund.amount}, {@code coupon.amount}, what the
 * {@link ReplyAdvisor} adds ({@code compensation.coupon}…), and anything else the context supplies. A missing value renders as a natural fallback or as an agent-must-fill marker with a
 * {@code missing:} warning (see {@link RenderResult}).
 *
 * <pre>{@code
 * try (ScriptRenderer renderer = new ScriptRenderer()) {
 *     RenderResult reply = renderer.render(new RenderRequest("您的订单${order.id}已发出。", "zh-CN",
 *             "warm", "chat", "anxious", Map.of("order", Map.of("id", "E1024"))));
 * }
 * }</pre>
 */
public final class ScriptRenderer implements AutoCloseable {

    private static final int QUEUE = 64;
    /** Renders one caller may have waiting for their share, beyond those running (a widget renders one at a time). */
    private static final int WAITING_PER_CALLER = 4;

    private final RenderSettings settings;
    private final ScriptCompiler compiler;
    private final ReplyComposer composer;
    private final ScriptTrial trial;
    private final ThreadPoolExecutor workers;
    private final Timer renders;
    private final FairShare shares;
    private final ReplyAdvisor advisor;
    private final Map<SupportedLocale, VariableTexts> texts;

    /** A renderer with {@link RenderSettings#defaults()}. */
    public ScriptRenderer() {
        this(RenderSettings.defaults());
    }

    public ScriptRenderer(RenderSettings settings) {
        this(settings, new CompositeMeterRegistry()); // a registry with no backend records nothing
    }

    /** A renderer that records its render times in {@code metrics}, without advice. */
    public ScriptRenderer(RenderSettings settings, MeterRegistry metrics) {
        this(settings, metrics, ReplyAdvisor.NONE);
    }

    /**
     * Loads and checks every layout now, so a broken template fails at start-up. Records the time of every
     * {@link #render} in {@code metrics} as {@code replybook_render_seconds} (a histogram from 1 ms to 10 s).
     *
     * @param advisor adds values (e.g. {@code compensation.coupon}) and warnings to every reply
     * @throws IllegalStateException a layout or variables file is missing or does not parse, naming the file
     */
    public ScriptRenderer(RenderSettings settings, MeterRegistry metrics, ReplyAdvisor advisor) {
        this.settings = settings;
        this.advisor = advisor;
        this.renders = Timer.builder("replybook.render").description("Time to render one reply, queueing included")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(metrics);
        Map<SupportedLocale, VariableTexts> texts = new EnumMap<>(SupportedLocale.class);
        for (SupportedLocale locale : SupportedLocale.values()) {
            texts.put(locale, VariableTexts.load(settings.templateDir(), locale));
        }
        Layouts layouts = new Layouts(Sandbox.forLayouts(settings.templateDir()), settings.maxOutputChars());
        layouts.checkAll();
        this.compiler = new ScriptCompiler(Sandbox.forScripts(), settings.maxOutputChars());
        this.composer = new ReplyComposer(compiler, layouts, texts);
        this.trial = new ScriptTrial(compiler, texts.get(SupportedLocale.ZH_CN));
        this.texts = texts;
        this.workers = workers(settings.threads());
        this.shares = new FairShare(settings.threads(), WAITING_PER_CALLER);
    }

    /**
     * Renders one reply.
     *
     * @throws ScriptRejectedException the script is invalid or dangerous, fails on this context, or exceeds
     *                                 the time or size limit (API: 422 with the problems)
     * @throws RendererBusyException   all workers are busy (API: 503)
     * @throws IllegalStateException   a layout failed (a deployment error; API: 500)
     */
    public RenderResult render(RenderRequest request) {
        return renders.record(() -> {
            // Advice may read the database: outside the worker, so its time never counts as the script's.
            ReplyAdvisor.Advice advice = advisor.advise(new ReplyAdvisor.Situation(
                    request.resolvedLocale().tag(), request.category(), request.context(), request.voice().shop()));
            return limited(() -> composer.compose(request, advice));
        });
    }

    /**
     * Renders one reply for {@code caller} (a username), within their share of the workers ({@link FairShare}): one
     * user's slow renders leave workers for everyone else.
     *
     * @throws RendererBusyException also when {@code caller} has their share in use ({@code callersShare()}: API 429)
     * @see #render(RenderRequest)
     */
    public RenderResult render(RenderRequest request, String caller) {
        try {
            return shares.run(caller, settings.timeLimit(), () -> render(request));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a script before it is saved: syntax, the sandbox rules, and a trial render with a full
     * context (unknown variables, type errors, time and size limits), also as a public review reply.
     *
     * @return the problems with line and column; empty when the script may be saved (API: else 422)
     */
    public List<ScriptProblem> validate(String script) {
        try {
            return limited(() -> trial.problems(script == null ? "" : script));
        } catch (ScriptRejectedException e) {
            return new ArrayList<>(e.problems());
        }
    }

    /**
     * A realistic value for every documented variable in {@code locale}'s words (a Chinese name for zh-CN, an
     * English one for en), in {@code ScriptVariables.ALL} order: {@code order.amount → 199.00}. For previews.
     */
    public Map<String, String> sampleValues(String locale) {
        return texts.get(SupportedLocale.resolve(locale)).samples();
    }

    /**
     * Checks a shop's own channel layout before it is saved (issue 20): the sandbox rules of scripts, and a trial reply
     * through it with a full context, as {@link #validate} does for scripts.
     *
     * @param path the layout it replaces, e.g. {@code channel/chat.zh-CN.ftl} or {@code channel/email.en.ftlh}
     * @return the problems with line and column; empty when it may be saved
     * @throws IllegalArgumentException when {@code path} names no channel layout
     */
    public List<ScriptProblem> validateLayout(String path, String layout) {
        for (SupportedLocale locale : SupportedLocale.values()) {
            for (Channel channel : Channel.values()) {
                for (boolean html : new boolean[] {false, true}) {
                    if (!Layouts.channelPath(channel, locale, html).equals(path)) continue;
                    RenderRequest trial = new RenderRequest("…", locale.tag(), null, channel.id(), null,
                            ScriptTrial.nested(texts.get(locale).samples()), null, Set.of(), true,
                            new Voice(null, null, null, null, null, Map.of(path, layout)));
                    try {
                        limited(() -> composer.compose(trial, ReplyAdvisor.Advice.NONE));
                        return List.of();
                    } catch (ScriptRejectedException e) {
                        return new ArrayList<>(e.problems());
                    }
                }
            }
        }
        throw new IllegalArgumentException("No channel layout " + path);
    }

    /** Stops the worker threads; renders in progress are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private <T> T limited(Callable<T> work) {
        AtomicBoolean started = new AtomicBoolean();
        Future<T> future;
        try {
            future = workers.submit(() -> {
                started.set(true);
                return work.call();
            });
        } catch (RejectedExecutionException e) {
            throw new RendererBusyException(e);
        }
        try {
            return future.get(settings.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true); // FreeMarker checks the interrupt flag in loops (see ScriptCompiler)
            if (!started.get()) { // the time went waiting for a worker: the server is busy, the script is fine
                throw new RendererBusyException(e);
            }
            throw new ScriptRejectedException(ScriptProblem.of(1, 1, ScriptError.TIMEOUT, settings.timeLimit().toMillis()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof StackOverflowError) {
            return new ScriptRejectedException(ScriptProblem.of(1, 1, ScriptError.TOO_DEEP));
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static ThreadPoolExecutor workers(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "render-" + count.incrementAndGet());
                    thread.setDaemon(true); // never keeps the server from stopping
                    return thread;
                });
    }
}
