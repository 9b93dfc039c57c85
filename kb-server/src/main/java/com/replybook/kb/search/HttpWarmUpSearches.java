package com.replybook.kb.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay's searches sent to this server's own HTTP port, as the widget and the console send them, with the token
 * of a {@link com.replybook.kb.auth.WarmUpPass}: the API answers them uncached and tells analytics nothing. Every
 * layer an agent's search goes through (Jetty, the filters, the router, JSON both ways) is compiled by the JIT before
 * the server says it is ready, not only the search. Thread-safe: one client, its connections shared.
 */
final class HttpWarmUpSearches extends WarmUpSearches {

    /** Longer than any search takes, even on a machine busy compiling. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient client;

    /** Sends to {@code base} (e.g. {@code http://127.0.0.1:8080}) with {@code token}. */
    HttpWarmUpSearches(URI base, String token, List<String> locales) {
        super(locales);
        this.base = base;
        this.token = token;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @Override
    void run(String text, Shape shape, long turn) {
        String locale = localeOf(text, turn);
        send(switch (shape) {
            case TYPED -> get("limit=" + WIDGET_LIMIT + "&q=" + encode(text));
            case TICKET -> post(ticketBody(text, null));
            case TYPED_IN_LOCALE -> get("limit=" + WIDGET_LIMIT + inLocale(locale) + "&q=" + encode(text));
            case MISSPELT_IN_LOCALE -> get("limit=" + WIDGET_LIMIT + inLocale(locale) + "&q=" + encode(misspelt(text)));
            case TICKET_IN_LOCALE -> post(ticketBody(text, locale));
            case CONSOLE -> get("limit=" + CONSOLE_LIMIT + "&status=any&highlight=true&family=false&q=" + encode(text));
        });
    }

    @Override
    void close() {
        client.close();
    }

    private HttpRequest get(String query) {
        return request("/api/v1/search?" + query).GET().build();
    }

    private HttpRequest post(String json) {
        return request("/api/v1/search/ticket").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** Sends {@code request}; throws unless it is answered 200 (the replay then stops). */
    private void send(HttpRequest request) {
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) throw new IllegalStateException(request.method() + " " + request.uri().getPath()
                    + " was answered " + status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The widget's ticket: the customer's message, in {@code locale} (null: unknown) and the version in it preferred. */
    private static String ticketBody(String text, String locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", List.of(Map.of("author", "customer", "text", text)));
        if (locale != null) {
            body.put("locale", locale);
            body.put("prefer", locale);
        }
        body.put("limit", Ticket.DEFAULT_LIMIT);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String inLocale(String locale) {
        return locale == null ? "" : "&locale=" + encode(locale) + "&prefer=" + encode(locale);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
