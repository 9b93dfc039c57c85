package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed traffic against a running server, as agents, editors and leads make it: searches, ticket suggestions,
 * renders, small imports, console pages and reads. First the capacity of this mix is measured (closed loop,
 * {@code --workers} at once, after a warm-up), then the mix runs open-loop at {@code --share} of it (requests start on
 * a fixed schedule, whatever the answers' speed) for {@code --minutes}, reporting each minute's requests, errors and
 * latency, and running {@code --each-minute} (e.g. a script that forces a GC and records the heap) at the end of each.
 * Any answer that is not 2xx, and any request that fails, is an error; the exit status is 1 when there was one.
 *
 * <pre>{@code
 * java -cp … com.replybook.kb.bench.Soak --url http://127.0.0.1:18380 --minutes 10 --share 0.7 --console-password …
 * }</pre>
 */
public final class Soak {

    /** The kinds of request in the mix, with their weights (out of 100). */
    enum Kind {
        SEARCH(45), TICKET(15), RENDER(15), READ(8), CONSOLE(10), IMPORT(3), STATUS(4);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final List<String> ZH = List.of("快递三天没动了", "包裹显示签收但我没收到", "发错货了", "衣服洗了掉色",
            "退款什么时候到账", "尺码不合适想换", "刚买就降价了能补差价吗", "收到的杯子是碎的", "我要给差评", "能开发票吗",
            "海关扣货了怎么办", "少发了一件", "运费险怎么理赔", "七天无理由退货", "改地址");
    private static final List<String> EN = List.of("where is my parcel", "refund not received yet", "wrong item arrived",
            "the cup arrived broken", "how do I return this", "cancel my order", "size too small", "price dropped after I bought");
    private static final String RENDER_BODY = "{\"tone\":\"warm\",\"channel\":\"chat\",\"context\":{\"customer\":{\"name\":\"王女士\"},"
            + "\"order\":{\"id\":\"E1024\",\"amount\":\"199.00\"},\"tracking\":{\"no\":\"SF1234567890\",\"carrier\":\"顺丰\"}}}";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final String token;
    private final List<String> agentTokens;
    private final HttpClient http;
    private final HttpClient console;
    private final List<String> keys;
    private final List<Kind> deck = new ArrayList<>();
    private final AtomicLong importRound = new AtomicLong();

    private Soak(URI base, String token, List<String> agentTokens, List<String> keys) {
        this.base = base;
        this.token = token;
        this.agentTokens = agentTokens;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        this.console = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.keys = keys;
        for (Kind k : Kind.values()) for (int i = 0; i < k.weight; i++) deck.add(k);
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, "url", "minutes", "share", "workers", "warmup", "measure", "console-password", "each-minute",
                "agents");
        URI base = URI.create(a.required("url"));
        List<String> agents = agentTokens(base, Bench.token(), a.integer("agents", 20));
        Soak soak = new Soak(base, Bench.token(), agents, publishedKeys(base, Bench.token()));
        soak.signIn(a.required("console-password"));
        int workers = a.integer("workers", 16);
        System.out.printf("library: %d published entries; warming up %d s with %d workers%n", soak.keys.size(),
                a.integer("warmup", 60), workers);
        soak.closedLoop(workers, a.integer("warmup", 60));
        Stats capacity = soak.closedLoop(workers, a.integer("measure", 60));
        double rate = Double.parseDouble(a.get("share", "0.7")) * capacity.perSecond();
        System.out.printf("capacity of the mix: %.0f req/s (%s); soak at %.0f req/s for %d min%n",
                capacity.perSecond(), capacity.summary(), rate, a.integer("minutes", 10));
        int errors = soak.openLoop(rate, a.integer("minutes", 10), a.get("each-minute", null));
        System.exit(errors == 0 && capacity.errors.get() == 0 ? 0 : 1);
    }

    /**
     * A team of {@code n} agents, each with a token: searches, suggestions, reads and renders come from them, as in a
     * real team, so that the per-user fair share of the render pool sees many users and not one.
     */
    private static List<String> agentTokens(URI base, String admin, int n) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = "soak-agent-" + i;
            c.send(HttpRequest.newBuilder(base.resolve("/api/v1/users")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(json("{\"username\":\"" + name + "\",\"role\":\"agent\"}")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(base.resolve("/api/v1/users/" + name + "/tokens"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(json("{\"label\":\"soak\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("No token for " + name + ": " + r.statusCode());
            tokens.add(Json.MAPPER.readTree(r.body()).get("token").asText());
        }
        return tokens;
    }

    /** Every published key (up to 2,000), for reads and renders. */
    private static List<String> publishedKeys(URI base, String token) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newHttpClient();
        List<String> out = new ArrayList<>();
        for (int page = 1; page <= 20 && out.size() < 2_000; page++) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(base.resolve("/api/v1/entries?status=published&pageSize=100&page=" + page))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode items = Json.MAPPER.readTree(r.body()).path("items");
            if (items.isEmpty()) break;
            items.forEach(i -> out.add(i.get("key").asText()));
        }
        if (out.isEmpty()) throw new IllegalStateException("The library has no published entry to read and render");
        return out;
    }

    private void signIn(String password) throws IOException, InterruptedException {
        String page = console.send(HttpRequest.newBuilder(base.resolve("/console/signin")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("No sign-in form at /console/signin");
        String form = "_csrf=" + enc(m.group(1)) + "&username=admin&password=" + enc(password);
        HttpResponse<String> r = console.send(HttpRequest.newBuilder(base.resolve("/console/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) throw new IllegalStateException("Console sign-in failed: " + r.statusCode());
    }

    /** {@code workers} requests at a time, each starting when the last answered, for {@code seconds}. */
    private Stats closedLoop(int workers, int seconds) throws InterruptedException {
        Stats stats = new Stats();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int w = 0; w < workers; w++) {
            long seed = w;
            pool.execute(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) send(pick(random), random, stats);
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        stats.seconds = seconds;
        return stats;
    }

    /**
     * Requests started every {@code 1/rate} s for {@code minutes}, reported minute by minute. Each minute is reported,
     * and {@code eachMinute} run, beside the schedule: pausing it for them would send the requests of those seconds
     * all at once afterwards (a burst of ~2,000 at the start of every minute, p99 of 1–2 s).
     */
    private int openLoop(double rate, int minutes, String eachMinute) throws Exception {
        long interval = (long) (1e9 / rate);
        Random random = new Random(42);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService reporter = Executors.newSingleThreadExecutor();
        long next = System.nanoTime();
        for (int minute = 1; minute <= minutes; minute++) {
            Stats stats = new Stats();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (next < end) {
                long wait = next - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                Kind kind = pick(random);
                long seed = random.nextLong();
                pool.execute(() -> send(kind, new Random(seed), stats));
                next += interval;
            }
            stats.seconds = 60;
            int done = minute;
            reporter.execute(() -> {
                try {
                    TimeUnit.SECONDS.sleep(1); // the minute's last answers
                    errors.addAndGet(stats.errors.get());
                    System.out.printf("minute %2d: %s%n", done, stats.summary());
                    stats.firstErrors.forEach(e -> System.out.println("  error: " + e));
                    if (eachMinute != null) run(eachMinute, done);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        reporter.shutdown();
        reporter.awaitTermination(3, TimeUnit.MINUTES);
        System.out.printf("soak: %d errors in %d minutes%n", errors.get(), minutes);
        return (int) errors.get();
    }

    private Kind pick(Random random) {
        return deck.get(random.nextInt(deck.size()));
    }

    private void send(Kind kind, Random random, Stats stats) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = (kind == Kind.CONSOLE ? console : http).send(request(kind, random),
                    HttpResponse.BodyHandlers.ofString());
            stats.record(kind, System.nanoTime() - start, r.statusCode() / 100 == 2 ? null
                    : kind + " " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
        } catch (IOException e) {
            stats.record(kind, System.nanoTime() - start, kind + " " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(Kind kind, Random random) {
        String key = keys.get(random.nextInt(keys.size()));
        String agent = agentTokens.get(random.nextInt(agentTokens.size()));
        return switch (kind) {
            case SEARCH -> api(agent, "/api/v1/search?limit=10&q=" + enc(text(random))).GET().build();
            case TICKET -> api(agent, "/api/v1/search/ticket").header("Content-Type", "application/json")
                    .POST(json("{\"subject\":\"" + text(random) + "\",\"messages\":[{\"author\":\"customer\",\"text\":\""
                            + text(random) + "，" + text(random) + "\"}]}")).build();
            case RENDER -> api(agent, "/api/v1/entries/" + enc(key) + "/render").header("Content-Type", "application/json")
                    .POST(json(RENDER_BODY)).build();
            case READ -> api(agent, "/api/v1/entries/" + enc(key)).GET().build();
            case STATUS -> api("/api/v1/search/status").GET().build();
            case CONSOLE -> HttpRequest.newBuilder(base.resolve(random.nextBoolean() ? "/console/entries"
                    : "/console/exchange")).timeout(Duration.ofSeconds(30)).GET().build();
            case IMPORT -> api("/api/v1/entries/import").header("Content-Type", "application/x-ndjson")
                    .POST(json(importBody(random))).build();
        };
    }

    /**
     * Ten entries of a pool of 200 soak entries, half of them changed (a new cause each round), so an import
     * creates, updates and skips as real ones do while the library stays the same size.
     */
    private String importBody(Random random) {
        long round = importRound.incrementAndGet();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            int n = random.nextInt(200);
            String cause = i % 2 == 0 ? "中转站爆仓，第 " + round + " 轮" : "中转站爆仓";
            body.append("{\"key\":\"soak-").append(n).append(".zh-cn\",\"locale\":\"zh-CN\",\"category\":\"物流/延误\",")
                    .append("\"problem\":\"包裹 ").append(n).append(" 在中转站停了\",\"questions\":[\"快递不动了\"],")
                    .append("\"cause\":\"").append(cause).append("\",\"script\":\"${customer.name}您好，订单 ${order.id} 已加急。\",")
                    .append("\"status\":\"published\"}\n");
        }
        return body.toString();
    }

    private static String text(Random random) {
        List<String> set = random.nextInt(3) == 0 ? EN : ZH;
        return set.get(random.nextInt(set.size()));
    }

    /** A request of the admin (imports, search status). */
    private HttpRequest.Builder api(String path) {
        return api(token, path);
    }

    private HttpRequest.Builder api(String bearer, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void run(String command, int minute) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command, Integer.toString(minute)).inheritIO().start();
        p.waitFor(2, TimeUnit.MINUTES);
    }

    /** Requests, errors and latencies of one period. Thread-safe. */
    private static final class Stats {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<Kind, ConcurrentLinkedQueue<Long>> latencies = new EnumMap<>(Kind.class);
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        final Map<Kind, AtomicLong> counts = new ConcurrentHashMap<>();
        int seconds;

        Stats() {
            for (Kind k : Kind.values()) latencies.put(k, new ConcurrentLinkedQueue<>());
        }

        void record(Kind kind, long nanos, String error) {
            requests.incrementAndGet();
            counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            latencies.get(kind).add(nanos);
            if (error != null) {
                errors.incrementAndGet();
                if (firstErrors.size() < 5) firstErrors.add(error);
            }
        }

        double perSecond() {
            return requests.get() / (double) Math.max(1, seconds);
        }

        String summary() {
            StringBuilder sb = new StringBuilder(String.format("%d requests (%.0f/s), %d errors; p50/p99 ms", requests.get(),
                    perSecond(), errors.get()));
            latencies.forEach((kind, values) -> {
                List<Long> sorted = new ArrayList<>(values);
                if (sorted.isEmpty()) return;
                Collections.sort(sorted);
                sb.append(String.format(" %s %.1f/%.1f", kind.name().toLowerCase(), sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6));
            });
            return sb.toString();
        }
    }
}
