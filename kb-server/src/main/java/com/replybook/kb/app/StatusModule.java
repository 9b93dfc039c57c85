package com.replybook.kb.app;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The server's own routes: {@code GET /api/v1/health} (no token: 200 {@code {"status":"ok"}} once every module is
 * ready, 503 before) and {@code GET /api/v1/openapi.json} (the OpenAPI 3 description, kept in step with the
 * router's table by a test).
 */
final class StatusModule implements FeatureModule {

    static final String HEALTH = "/api/v1/health";
    static final String OPENAPI_RESOURCE = "/api/openapi.json";

    private final BooleanSupplier ready;
    private final byte[] openApi;

    StatusModule(BooleanSupplier ready) {
        this.ready = ready;
        try (InputStream in = StatusModule.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("Missing classpath resource " + OPENAPI_RESOURCE);
            openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void api(Router<ApiCall> api) {
        api.get(HEALTH, this::health).get("/api/v1/openapi.json", this::openApi);
    }

    private void health(ApiCall call) throws IOException {
        call.setHeader("Cache-Control", "no-store");
        if (ready.getAsBoolean()) call.json(200, Map.of("status", "ok"));
        else call.json(503, Map.of("status", "starting"));
    }

    private void openApi(ApiCall call) throws IOException {
        call.response().setContentType("application/json");
        call.response().setCharacterEncoding("UTF-8");
        call.response().getOutputStream().write(openApi);
    }
}
