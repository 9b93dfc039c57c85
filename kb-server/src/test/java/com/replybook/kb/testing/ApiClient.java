package com.replybook.kb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for API tests: JSON in, {@link Response} out, with a bearer token. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    /**
     * A POST that sends {@code Expect: 100-continue} and its body only once the server asks for it, as curl does
     * for large bodies: a server that refuses the declared length (413) answers before the body is sent, instead
     * of closing a connection the client is still writing to (which the client may report as no response).
     */
    public Response postExpectingContinue(String path, Object body) {
        return send(builder(path).expectContinue(true).header("Content-Type", "application/json")
                .POST(publisher(body)));
    }

    public Response post(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response put(String path, Object body, String ifMatch) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json").PUT(publisher(body));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b);
    }

    public Response delete(String path, String ifMatch) {
        HttpRequest.Builder b = builder(path).DELETE();
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return send(b);
    }

    /** GETs {@code path} and returns the body's bytes, e.g. an XLSX file; fails unless the status is 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request built by the caller (for unusual headers or methods). */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = sendOnce(request.build());
            JsonNode json = null;
            if (r.body() != null && !r.body().isBlank() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r.headers().firstValue("ETag").orElse(null),
                    r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends once, and once more if the server closed a pooled keep-alive connection before answering: a
     * race every HTTP/1.1 client meets (the server may close an idle connection as the client reuses it),
     * not a server failure. A request that got any answer is never repeated.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException closedBeforeAnswer) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            String s = body instanceof String str ? str : Json.MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, parsed JSON body (null if none), raw text, ETag and every header. */
    public record Response(int status, JsonNode json, String text, String etag, HttpHeaders headers) {

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The error body's field, for asserting that bad input names what was wrong. */
        public String errorField() {
            return json == null ? null : json.path("error").path("field").asText(null);
        }

        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
