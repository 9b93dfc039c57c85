package com.replybook.kb.boot;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's answer to what never reaches the web application (a request line or headers it cannot parse, a header
 * block too large): the status and its standard reason only, as the API's JSON error under {@code /api/} and a
 * plain page elsewhere; never Jetty's page, which names the exception, its message and the server. When Jetty could
 * not even read the path, a browser (which asks for {@code text/html}) gets the page and any other client the JSON.
 */
public final class QuietErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean api = path != null && !path.equals("/badMessage") ? path.startsWith("/api/")
                : accept == null || !accept.contains("text/html");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, api ? "application/json" : "text/html;charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status, api)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, true));
    }

    static byte[] body(int status, boolean api) {
        String reason = HttpStatus.getMessage(status);
        String text = api
                ? "{\"error\":{\"code\":\"" + (status >= 500 ? "internal" : "bad_request") + "\",\"message\":\"" + reason
                        + "\",\"field\":null}}"
                : "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + "</title></head><body><h1>"
                        + status + " " + reason + "</h1></body></html>\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
