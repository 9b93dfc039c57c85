package com.replybook.kb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /api/*}: dispatches every API request through the {@link Router} and maps every error to the JSON error
 * body in one place. An unknown path is a JSON 404; a known path asked with a method it does not serve is a JSON
 * 405 with an {@code Allow} header; {@code OPTIONS} answers 204 with {@code Allow}; {@code HEAD} is {@code GET}
 * without a body.
 */
public final class ApiServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());
    private final Router<ApiCall> router;

    public ApiServlet(Router<ApiCall> router) {
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        if ("HEAD".equals(req.getMethod())) {
            super.service(req, resp); // the container's HEAD: doGet with the body discarded
        } else {
            dispatch(req, resp, req.getMethod());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        dispatch(req, resp, "GET");
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp, String method) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        try {
            Router.Lookup<ApiCall> lookup = router.find(method, path);
            if (!lookup.pathKnown()) throw ApiException.notFound(InputError.NO_SUCH_RESOURCE, req.getRequestURI());
            if ("OPTIONS".equals(method)) {
                resp.setHeader("Allow", String.join(", ", withOptions(lookup.allowed())));
                resp.setStatus(204);
            } else if (lookup.found() == null) {
                throw ApiException.methodNotAllowed(method, withOptions(lookup.allowed()));
            } else {
                req.setAttribute(Router.MATCHED_TEMPLATE, lookup.found().template());
                lookup.found().handler().handle(new ApiCall(req, resp, lookup.found().params()));
            }
        } catch (ApiException e) {
            JsonResponses.error(resp, e);
        } catch (JsonProcessingException e) {
            JsonResponses.error(resp, JsonErrors.badRequest(e));
        } catch (RuntimeException e) {
            int refused = ContainerErrors.clientStatus(e);
            if (refused != 0) {
                JsonResponses.error(resp, ContainerErrors.asApiError(refused));
                return;
            }
            LOG.log(Level.SEVERE, "Unhandled error on " + method + " " + req.getRequestURI(), e);
            JsonResponses.error(resp, ApiException.of(500, "internal", null, InputError.INTERNAL, null));
        }
    }

    private static Set<String> withOptions(Set<String> methods) {
        Set<String> all = new TreeSet<>(methods);
        all.add("OPTIONS");
        return all;
    }
}
