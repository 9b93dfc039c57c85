package com.replybook.kb.render;

import com.replybook.kb.entries.EntryAction;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.shops.VoiceCheck;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.util.List;
import java.util.Map;

/**
 * The rendering feature: the sandboxed {@link ScriptRenderer} (tone and channel layouts from {@code templates/},
 * overridable from the configured templates directory), {@code POST /api/v1/render}, the render action on an
 * entry, and the save-time script check the entries feature uses.
 */
public final class RenderModule implements FeatureModule {

    private final ScriptRenderer renderer;
    private final RenderApi api;

    /**
     * @param advisor adds what other features know to every reply, e.g. the compensation the policy gives the
     *                ticket ({@link ReplyAdvisor#NONE} for none)
     * @param shops   the shops whose voices replies take (issue 20)
     */
    public RenderModule(Platform platform, ReplyAdvisor advisor, Shops shops) {
        this.renderer = new ScriptRenderer(RenderSettings.defaults().withTimeLimit(platform.config().renderTimeout())
                .withTemplateDir(platform.config().templatesDir()), platform.metrics(), advisor);
        this.api = new RenderApi(renderer, shops);
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }

    /** Save-time script validation for the entries feature: syntax and sandbox problems at line and column. */
    public ScriptCheck scriptCheck() {
        return (field, script, locale, shops) -> renderer.validate(script).stream()
                .map(p -> p.toFieldError(field))
                .toList();
    }

    /**
     * The sandbox check of the shops' voices: a greeting, a closing or a channel layout is checked like a script (a
     * layout with a trial reply through it), its problems naming the field with line and column.
     */
    public VoiceCheck voiceCheck() {
        return new VoiceCheck() {
            @Override
            public List<FieldError> line(String field, String template) {
                return located(field, renderer.validate(template));
            }

            @Override
            public List<FieldError> layout(String field, String path, String template) {
                return located(field, renderer.validateLayout(path, template));
            }
        };
    }

    private static List<FieldError> located(String field, List<ScriptProblem> problems) {
        return problems.stream().map(p -> new FieldError(field, p.message() + " (line " + p.line() + ", column "
                + p.column() + ")", p.line(), p.column())).toList();
    }

    /** The actions this feature serves on one entry: {@code POST /api/v1/entries/{ref}/render}. */
    public Map<String, EntryAction> entryActions() {
        return Map.of("render", api::renderEntry);
    }

    public ScriptRenderer renderer() {
        return renderer;
    }

    @Override
    public void close() {
        renderer.close();
    }
}
