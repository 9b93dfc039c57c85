package com.replybook.kb.plugin;

import com.replybook.kb.module.FeatureModule;
import jakarta.servlet.http.HttpServlet;

import java.util.Map;

/** The help-desk widget's static files, served under {@code /plugin/} for the RT extension and the Zendesk app. */
public final class PluginModule implements FeatureModule {

    @Override
    public Map<String, HttpServlet> servlets() {
        return Map.of("/plugin/*", new PluginAssetServlet());
    }
}
