package com.replybook.kb.web;

import java.lang.reflect.Method;

/**
 * Recognises the container's own refusals of a request (a query string or form that is not valid UTF-8, a malformed
 * multipart body) among the exceptions a servlet sees, so they are answered as the client's mistake (400) instead of
 * a server error. Containers throw their own types for these (Jetty's {@code HttpException} carries the status in
 * {@code getCode()}); this looks for that status without depending on any container.
 */
public final class ContainerErrors {

    private ContainerErrors() {
    }

    /** The 4xx status the container meant by {@code t} or one of its causes; 0 when it is not such a refusal. */
    public static int clientStatus(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            int status = declaredStatus(c);
            if (status >= 400 && status < 500) return status;
        }
        return 0;
    }

    /** The refusal as the API's error, in our words (the container's message names its classes). */
    public static ApiException asApiError(int status) {
        return new ApiException(status, status == 413 ? "too_large" : "bad_request", status == 413
                ? "The request is too large" : "The request could not be read: its query string, form or headers are"
                + " malformed (percent-encoding must be UTF-8)", null);
    }

    private static int declaredStatus(Throwable t) {
        for (String name : new String[]{"getCode", "getStatus"}) {
            try {
                Method m = t.getClass().getMethod(name);
                if (m.getReturnType() == int.class && m.getParameterCount() == 0) return (int) m.invoke(t);
            } catch (ReflectiveOperationException | RuntimeException notThere) {
                // not a container's status-carrying exception
            }
        }
        return 0;
    }
}
