package com.replybook.kb.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that talks to the console like a browser without JavaScript. Public for the tests of
 * several nodes (app.NodesSharingADatabaseTest), which hand one browser's cookies from node to node.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public final CookieManager cookies;
    private final HttpClient http;
    private final URI base;
    /** The browser's language, sent as Accept-Language; null sends none. */
    private String language;

    public ConsoleClient(URI base) {
        this(base, new CookieManager());
    }

    private ConsoleClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (its cookies) talking to another node, as a proxy without sticky sessions would send it. */
    public ConsoleClient on(URI otherNode) {
        return new ConsoleClient(otherNode, cookies);
    }

    /** Sends {@code acceptLanguage} (e.g. {@code zh-TW}) with every request from now on, as a browser would. */
    ConsoleClient language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    /** POSTs JSON as the console's own scripts do, with the CSRF token of the page at {@code pageForCsrf}. */
    HttpResponse<String> postJson(String path, String json, String pageForCsrf) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf(pageForCsrf)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a form in which a name may repeat (a list of checkboxes), as name-value pairs in order. */
    HttpResponse<String> postPairs(String path, List<Map.Entry<String, String>> pairs) {
        StringJoiner body = new StringJoiner("&");
        pairs.forEach(p -> body.add(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts {@code fields} and one file as multipart/form-data, like a browser's upload form. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----replybook" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** GETs {@code path} as bytes (downloads). */
    byte[] download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        if (language != null) b.header("Accept-Language", language);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token on the page at {@code path}. */
    public String csrf(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) throw new AssertionError("No CSRF field on " + path);
        return m.group(1);
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("RBSESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Signs in; returns the response of the sign-in POST. */
    public HttpResponse<String> signIn(String username, String password) {
        String token = csrf("/console/signin");
        return post("/console/signin", Map.of("_csrf", token, "username", username, "password", password));
    }
}
