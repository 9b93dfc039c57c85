package com.replybook.kb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer for an error nobody else answered: the container's own (an unknown path, a refused method, a request
 * it could not parse) and any exception that escaped a servlet. Under {@code /api/} it is the API's JSON error;
 * elsewhere a small plain page in the three languages. Never a stack trace, an exception's message or a class name:
 * those go to the server log.
 */
public final class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());
    private static final Map<Integer, String[]> TEXT = Map.ofEntries(
            Map.entry(400, new String[]{"bad_request", "The request could not be read", "请求无法解析", "請求無法解析"}),
            Map.entry(401, new String[]{"unauthorized", "Authentication required", "需要登录", "需要登入"}),
            Map.entry(403, new String[]{"forbidden", "Access denied", "没有权限", "沒有權限"}),
            Map.entry(404, new String[]{"not_found", "Not found", "未找到", "找不到"}),
            Map.entry(405, new String[]{"method_not_allowed", "Method not allowed here", "不支持此操作", "不支援此操作"}),
            Map.entry(408, new String[]{"timeout", "The request did not arrive in time", "请求超时", "請求逾時"}),
            Map.entry(413, new String[]{"too_large", "The request is too large", "请求过大", "請求過大"}),
            Map.entry(414, new String[]{"uri_too_long", "The address is too long", "地址过长", "網址過長"}),
            Map.entry(415, new String[]{"unsupported_media_type", "Unsupported content type", "不支持的内容类型", "不支援的內容類型"}),
            Map.entry(429, new String[]{"too_many_requests", "Too many requests; try again later", "请求过多，请稍后再试", "請求過多，請稍後再試"}),
            Map.entry(431, new String[]{"headers_too_large", "The request headers are too large", "请求头过大", "請求標頭過大"}),
            Map.entry(503, new String[]{"unavailable", "The server is busy or starting; try again shortly", "服务器繁忙或正在启动，请稍后再试", "伺服器忙碌或正在啟動，請稍後再試"}));
    private static final String[] OTHER_CLIENT_ERROR = {"bad_request", "The request was refused", "请求被拒绝", "請求被拒絕"};
    private static final String[] SERVER_ERROR = {"internal", "Internal error; see the server log", "服务器内部错误", "伺服器內部錯誤"};

    private ErrorPages() {
    }

    /**
     * Answers {@code t}, thrown while serving {@code req}: the client's mistake (bad input, a body that stopped
     * arriving, a malformed request the container refused) with its 4xx and our words, anything else as a 500 whose
     * details go to the log only.
     */
    public static void write(HttpServletRequest req, HttpServletResponse resp, Throwable t) throws IOException {
        ApiException known = clientError(t);
        if (known == null) {
            LOG.log(Level.SEVERE, "Unhandled error on " + req.getMethod() + " " + originalPath(req), t);
            write(req, resp, 500);
        } else if (originalPath(req).startsWith("/api/")) {
            LOG.log(Level.FINE, "Refused " + req.getMethod() + " " + originalPath(req), t);
            if (!resp.isCommitted()) SecurityHeaders.apply(req, resp); // an error dispatch may have lost them
            JsonResponses.error(resp, known);
        } else {
            write(req, resp, known.status());
        }
    }

    /** The error as the client should see it when it is the client's (bad input, a body that stopped), else null. */
    static ApiException clientError(Throwable t) {
        if (t instanceof ServletException wrapper && wrapper.getRootCause() != null) return clientError(wrapper.getRootCause());
        if (t instanceof ApiException api) return api;
        if (t instanceof JsonProcessingException json) return JsonErrors.badRequest(json);
        if (t instanceof IOException io) return RequestBodies.unreadable(io);
        int refused = ContainerErrors.clientStatus(t);
        return refused == 0 ? null : ContainerErrors.asApiError(refused);
    }

    /** Answers {@code status} for {@code req}, unless the response is already on its way. */
    public static void write(HttpServletRequest req, HttpServletResponse resp, int status) throws IOException {
        if (resp.isCommitted()) return;
        SecurityHeaders.reset(resp);
        SecurityHeaders.apply(req, resp);
        String[] text = text(status);
        if (originalPath(req).startsWith("/api/")) {
            JsonResponses.write(resp, status, Map.of("error", JsonResponses.errorBody(
                    new ApiException(status, text[0], text[1], null))));
            return;
        }
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        String home = req.getContextPath() + "/console/";
        byte[] page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status + "</title></head><body>"
                + "<h1>" + status + "</h1><p lang=\"en\">" + text[1] + ".</p><p lang=\"zh-CN\">" + text[2]
                + "。</p><p lang=\"zh-TW\">" + text[3] + "。</p><p><a href=\"" + escape(home) + "\">Replybook</a></p>"
                + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(page.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(page);
        }
    }

    /**
     * The path the client asked for, within the application: on an error dispatch the original one, not the error
     * page's. Example: {@code /api/v1/entries}.
     */
    static String originalPath(HttpServletRequest req) {
        Object original = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : req.getRequestURI();
        String context = req.getContextPath();
        return uri != null && uri.startsWith(context) ? uri.substring(context.length()) : uri == null ? "" : uri;
    }

    private static String[] text(int status) {
        String[] known = TEXT.get(status);
        if (known != null) return known;
        return status >= 500 ? SERVER_ERROR : OTHER_CLIENT_ERROR;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
