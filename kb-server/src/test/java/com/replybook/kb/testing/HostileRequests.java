package com.replybook.kb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sends what an attacker sends to every route of the API description ({@code api/openapi.json}) and collects every
 * answer that leaks: a stack frame, an exception or class name, a library's name, a 5xx, or an API error that is
 * not the JSON error. Used against the in-process server and against the WAR under {@code java -jar} and Tomcat.
 *
 * <pre>{@code
 * List<String> leaks = HostileRequests.against(base, token, params).bodies();
 * assertTrue(leaks.isEmpty(), String.join("\n", leaks));
 * }</pre>
 */
public final class HostileRequests {

    /** What no answer may contain. */
    public static final Map<String, Pattern> LEAKS = Map.of(
            "a stack frame", Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\tat "),
            "an exception name", Pattern.compile("Exception"),
            "a Java package", Pattern.compile("\\bjava\\.|\\bjavax?\\.|\\bjakarta\\.|com\\.replybook|org\\.[a-z]+\\."),
            "a nested class name", Pattern.compile("\\b[A-Za-z]\\w*\\$[A-Za-z]\\w*"),
            "a library's internals", Pattern.compile("(?i)jackson|jetty|tomcat|freemarker|apache poi|\\w+Feature\\b"));

    /** Bodies no route may choke on, each with its content type. */
    public static final Map<String, Body> BODIES = hostileBodies();

    /** Query strings no GET route may choke on. */
    public static final List<String> QUERIES = List.of("q=%00&limit=1e999", "limit=" + "9".repeat(400),
            "since=yesterday&until=%ED%A0%80", "locale=../../etc/passwd&status=%00", "q=" + "長".repeat(300),
            "highlight=maybe&days=-1&type=%FF", "tags=" + ",".repeat(500) + "&category=%C0%AF");

    /** A request body: its content type and bytes. */
    public record Body(String contentType, byte[] bytes) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private final Function<String, String> pathParameter;

    private HostileRequests(URI base, String token, Function<String, String> pathParameter) {
        this.base = base;
        this.token = token;
        this.pathParameter = pathParameter;
    }

    /**
     * Probes the server at {@code base} with {@code token}; {@code pathParameter} gives the value of each path
     * parameter by its name ({@code ref}, {@code id}, {@code locale}, {@code tokenId}).
     */
    public static HostileRequests against(URI base, String token, Function<String, String> pathParameter) {
        return new HostileRequests(base, token, pathParameter);
    }

    /**
     * Path parameters for a server with the sample library: {@code ref} is {@code entryId}, {@code id} the user
     * {@code username}, {@code locale} zh-CN, anything else a value that names nothing.
     */
    public static Function<String, String> pathParameters(String entryId, String username) {
        return name -> switch (name) {
            case "ref" -> entryId;
            case "id" -> username;
            case "locale" -> "zh-CN";
            default -> "x";
        };
    }

    /** Everything this class sends: bodies, query strings, the container around the application, stalled bodies. */
    public List<String> all(Duration stallWait) {
        List<String> leaks = new ArrayList<>(bodies());
        leaks.addAll(queries());
        leaks.addAll(aroundTheApplication());
        leaks.addAll(stalledBodies(stallWait));
        return leaks;
    }

    /** Every documented route as {@code METHOD /path}, path parameters filled in. */
    public List<String> routes() {
        return routes(false);
    }

    /** The routes whose OpenAPI operation takes a request body (e.g. {@code POST /api/v1/entries}, not {@code /submit}). */
    public List<String> bodyRoutes() {
        return routes(true);
    }

    private List<String> routes(boolean withBodyOnly) {
        List<String> out = new ArrayList<>();
        try (InputStream in = HostileRequests.class.getResourceAsStream("/api/openapi.json")) {
            JsonNode paths = Json.MAPPER.readTree(in).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    JsonNode op = path.getValue().path(method);
                    if (op.isMissingNode() || withBodyOnly && !op.has("requestBody")) continue;
                    out.add(method.toUpperCase() + " " + filled(path.getKey()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every hostile body to every route that takes one (POST and PUT); the leaks found, empty when none. */
    public List<String> bodies() {
        List<String> leaks = new ArrayList<>();
        for (String route : bodyRoutes()) {
            String[] mp = route.split(" ", 2);
            BODIES.forEach((name, body) -> {
                HttpRequest.Builder b = request(mp[1]).header("Content-Type", body.contentType())
                        .method(mp[0], HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                check(route + " with " + name, send(b), leaks);
            });
        }
        return leaks;
    }

    /** Every hostile query string to every GET route; the leaks found. */
    public List<String> queries() {
        List<String> leaks = new ArrayList<>();
        for (String route : routes()) {
            if (!route.startsWith("GET ")) continue;
            for (String query : QUERIES) {
                String path = route.substring(4);
                check(route + "?" + query.substring(0, Math.min(60, query.length())),
                        send(request(path + (path.contains("?") ? "&" : "?") + query).GET()), leaks);
            }
        }
        return leaks;
    }

    /**
     * A body that stops arriving, to every route that takes one, all at once: each is sent its headers and half its
     * body, then nothing until the server gives up; the leaks found in what it answers.
     */
    public List<String> stalledBodies(Duration wait) {
        List<String> leaks = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (String route : routes()) {
                if (route.startsWith("GET ") || route.startsWith("DELETE ")) continue;
                all.add(pool.submit(() -> {
                    String answer = stalled(route, wait);
                    check(route + " with a stalled body", rawAnswer(answer), leaks);
                }));
            }
            for (Future<?> f : all) f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return leaks;
    }

    /**
     * What the container answers around the application: {@code /} leads to the console (no directory listing),
     * unknown and protected paths answered like the application's errors, with its security headers. Malformed paths,
     * addresses and headers too large may be refused by the container before the application sees them (Tomcat
     * does): those must only leak nothing. The problems found.
     */
    public List<String> aroundTheApplication() {
        List<String> leaks = new ArrayList<>();
        Answer root = send(HttpRequest.newBuilder(base.resolve("/")).GET());
        if (root.status() != 302 || !root.location().endsWith("/console/")) {
            leaks.add("GET /: expected a redirect to /console/, got " + root.status() + " " + root.location() + " " + shortened(root.body()));
        }
        for (String path : List.of("/", "/no-such-file.txt", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                "/com/replybook/kb/boot/Main.class", "/api/v1/no-such-route", "/console/no-such-page", "/plugin/nope.js",
                "/error")) {
            Answer a = send(request(path).GET());
            check("GET " + path, a, leaks);
            if (!a.headers().contains("x-content-type-options")) leaks.add("GET " + path + ": no security headers " + a.status());
        }
        for (String path : List.of("/console/%C0%AF", "/api/v1/entries/%ED%A0%80", "/api/v1/search?q=" + "長".repeat(3000))) {
            leaksOnly("GET " + path.substring(0, Math.min(40, path.length())), send(request(path).GET()), leaks);
        }
        String raw = raw("GET /api/v1/entries HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
        leaksOnly("GET /api/v1/entries with a 70 kB header", new Answer(status(raw), raw, header(raw)), leaks);
        raw = raw("GET /%%% HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
        leaksOnly("GET /%%% (a malformed path)", new Answer(status(raw), raw, header(raw)), leaks);
        raw = raw("GET /api/v1/entries/%ZZ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        leaksOnly("GET /api/v1/entries/%ZZ (a malformed path)", new Answer(status(raw), raw, header(raw)), leaks);
        return leaks;
    }

    /** Sends {@code request} as it is on a new connection; the whole answer as text. */
    private String raw(String request) {
        return raw(request, Duration.ofSeconds(10));
    }

    /** Raw HTTP/1.1: headers that promise 200 bytes, 9 of them, then silence; the whole answer as text. */
    private String stalled(String route, Duration wait) {
        String[] mp = route.split(" ", 2);
        return raw(mp[0] + " " + mp[1] + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"key\":\"", wait);
    }

    /** Sends {@code request} on a new connection and reads until the server closes it or {@code wait} passes. */
    private String raw(String request, Duration wait) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout((int) wait.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(answer);
            } catch (IOException closedOrTimedOut) {
                // what arrived is what counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private record Answer(int status, String body, String contentType, String location, String headers) {

        Answer(int status, String body, String contentType) {
            this(status, body, contentType, "", "");
        }
    }

    /**
     * Adds what {@code a} leaks, a 5xx, or an API error that is not the JSON error; a successful read ({@code GET}
     * 2xx) is data, such as the API description itself.
     */
    private static void check(String what, Answer a, List<String> leaks) {
        leaksOnly(what, a, leaks);
        if (a.status() >= 400 && !a.headers().contains("x-content-type-options")) {
            leaks.add(what + ": no security headers on " + a.status());
        }
        boolean api = what.contains(" /api/");
        if (api && a.status() >= 400 && !(a.contentType().contains("json") && a.body().contains("\"error\""))) {
            leaks.add(what + ": not the JSON error: " + a.status() + " " + a.contentType() + " " + shortened(a.body()));
        }
    }

    /** Adds what {@code a} leaks, or a 5xx; a successful read ({@code GET} 2xx) is data. */
    private static void leaksOnly(String what, Answer a, List<String> leaks) {
        boolean data = what.startsWith("GET ") && a.status() / 100 == 2;
        for (Map.Entry<String, Pattern> leak : data ? Map.<String, Pattern>of().entrySet() : LEAKS.entrySet()) {
            if (leak.getValue().matcher(a.body()).find()) {
                leaks.add(what + ": " + leak.getKey() + " in " + a.status() + " " + shortened(a.body()));
            }
        }
        if (a.status() >= 500 && a.status() != 503) leaks.add(what + ": status " + a.status() + " " + shortened(a.body()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(""), r.headers().map().toString().toLowerCase());
        } catch (IOException e) {
            return new Answer(0, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String filled(String template) {
        return Pattern.compile("\\{(\\w+)}").matcher(template).replaceAll(m -> pathParameter.apply(m.group(1)));
    }

    /** A raw HTTP/1.1 answer as an {@link Answer}: status, body (with the headers), content type, headers. */
    private static Answer rawAnswer(String raw) {
        String headers = raw.split("\r\n\r\n", 2)[0].toLowerCase();
        return new Answer(status(raw), raw, header(raw), "", headers);
    }

    private static int status(String raw) {
        String[] first = raw.split("\r\n", 2)[0].split(" ");
        try {
            return first.length > 1 ? Integer.parseInt(first[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String header(String raw) {
        for (String line : raw.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-type:")) return line.substring(13).strip();
            if (line.isEmpty()) break;
        }
        return "";
    }

    private static String shortened(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static Map<String, Body> hostileBodies() {
        Map<String, Body> out = new LinkedHashMap<>();
        String json = "application/json";
        out.put("JSON nested 100 deep", new Body(json, utf8("{\"script\":" + "[".repeat(100) + "]".repeat(100) + "}")));
        out.put("a truncated body", new Body(json, utf8("{\"key\":\"x\",\"problem\":\"ab")));
        out.put("plain text", new Body("text/plain", utf8("hello")));
        out.put("a form", new Body("application/x-www-form-urlencoded", utf8("a=1&b=%ZZ")));
        out.put("a multipart body without parts", new Body("multipart/form-data; boundary=x", utf8("--x\r\nbroken")));
        out.put("huge numbers", new Body(json, utf8("{\"limit\":1e999999999,\"days\":" + "9".repeat(2000) + "}")));
        out.put("a number of 900 digits", new Body(json, utf8("{\"entryVersion\":" + "9".repeat(900) + ",\"type\":\"insert\"}")));
        out.put("bad UTF-8", new Body(json, new byte[]{'{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        out.put("a NUL character", new Body(json, utf8("{\"key\":\"a\\u0000b\",\"type\":\"search\",\"rules\":[\"a\\u0000\"]}")));
        out.put("a lone surrogate", new Body(json, utf8("{\"key\":\"\\ud800\",\"query\":\"\\udc00x\",\"subject\":\"\\ud83d\"}")));
        out.put("trailing garbage", new Body(json, utf8("{\"type\":\"search\"} <script>")));
        out.put("a duplicate key", new Body(json, utf8("{\"type\":\"search\",\"type\":\"view\"}")));
        out.put("an array", new Body(json, utf8("[[[[]]]]")));
        out.put("wrong types", new Body(json, utf8("{\"key\":{},\"locale\":[],\"script\":1,\"messages\":\"x\",\"context\":[1],"
                + "\"tone\":{},\"rules\":{},\"password\":[],\"role\":7,\"disabled\":\"no\",\"limit\":\"ten\"}")));
        out.put("an empty body", new Body(json, new byte[0]));
        out.put("NDJSON with a broken line", new Body("application/x-ndjson", utf8("{\"key\":\"a\"}\n{\"key\":\n")));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
