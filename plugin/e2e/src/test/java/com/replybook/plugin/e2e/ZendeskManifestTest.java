package com.replybook.plugin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The built Zendesk app checked against the documented ZAF v2 manifest rules, offline (zcli's validator
 * calls Zendesk's servers): required properties and types, known locations, parameter types, the secure
 * token, files the manifest names, and translations for every parameter in every locale.
 */
class ZendeskManifestTest {
    static final Path APP = Path.of(System.getProperty("replybook.zendesk.dir", "../zendesk/target/app"));
    static final Set<String> PARAMETER_TYPES = Set.of("text", "password", "checkbox", "url", "number", "multiline", "hidden", "oauth");
    static final Set<String> SUPPORT_LOCATIONS = Set.of("ticket_sidebar", "new_ticket_sidebar", "user_sidebar",
            "organization_sidebar", "top_bar", "nav_bar", "ticket_editor", "background", "modal");

    static JsonNode json(Path p) throws Exception {
        return Http.JSON.readTree(Files.readString(p));
    }

    @Test
    void manifestHasTheRequiredPropertiesOfAFrameworkV2App() throws Exception {
        JsonNode m = json(APP.resolve("manifest.json"));
        for (String field : new String[] {"name", "author", "defaultLocale", "location", "version", "frameworkVersion"}) {
            assertTrue(m.hasNonNull(field), "manifest.json needs " + field);
        }
        assertEquals("2.0", m.get("frameworkVersion").asText());
        for (String field : new String[] {"name", "email"}) assertTrue(m.path("author").path(field).isTextual(), "author." + field);
        assertTrue(m.path("private").isBoolean());
        assertTrue(Files.isRegularFile(APP.resolve("translations/" + m.get("defaultLocale").asText() + ".json")));
    }

    @Test
    void ticketSidebarPointsAtAnExistingPageThatLoadsTheBundledSdk() throws Exception {
        JsonNode support = json(APP.resolve("manifest.json")).path("location").path("support");
        support.fieldNames().forEachRemaining(loc -> assertTrue(SUPPORT_LOCATIONS.contains(loc), "unknown location " + loc));
        String url = support.path("ticket_sidebar").path("url").asText();
        assertTrue(url.startsWith("assets/"), "a local app page lives under assets/: " + url);
        String page = Files.readString(APP.resolve(url));
        assertTrue(page.contains("zaf_sdk.min.js"));
        assertTrue(Files.size(APP.resolve("assets/zaf_sdk.min.js")) > 5_000, "the real SDK, bundled from npm");
        assertTrue(Files.readString(APP.resolve("assets/zaf_sdk.min.js")).contains("iframe.handshake"));
        for (String logo : new String[] {"assets/logo.png", "assets/logo-small.png"}) assertTrue(Files.isRegularFile(APP.resolve(logo)), logo);
    }

    @Test
    void theKbTokenIsASecureSettingSentOnlyToTheWhitelistedDomain() throws Exception {
        JsonNode m = json(APP.resolve("manifest.json"));
        Set<String> names = new HashSet<>();
        JsonNode token = null;
        for (JsonNode p : m.path("parameters")) {
            assertTrue(names.add(p.path("name").asText()), "duplicate parameter " + p);
            assertTrue(PARAMETER_TYPES.contains(p.path("type").asText()), "unknown parameter type in " + p);
            if (p.path("name").asText().equals("kbToken")) token = p;
        }
        assertTrue(token != null && token.path("secure").asBoolean() && token.path("required").asBoolean(), String.valueOf(token));
        assertFalse(token.has("default"), "no default token");
        assertTrue(m.path("domainWhitelist").isArray() && m.path("domainWhitelist").size() > 0);
        m.path("domainWhitelist").forEach(d -> assertFalse(d.asText().contains("${"), "unfiltered placeholder in domainWhitelist"));
        String adapter = Files.readString(APP.resolve("assets/replybook-zendesk.js"));
        assertTrue(adapter.contains("'Bearer {{setting.kbToken}}'") && adapter.contains("secure: true"));
    }

    @Test
    void everyLocaleTranslatesTheAppAndEveryParameter() throws Exception {
        JsonNode m = json(APP.resolve("manifest.json"));
        Set<String> reference = null;
        try (var files = Files.list(APP.resolve("translations"))) {
            for (Path f : files.toList()) {
                JsonNode app = json(f).path("app");
                for (String k : new String[] {"name", "short_description", "long_description", "installation_instructions"}) {
                    assertTrue(app.path(k).isTextual(), f.getFileName() + " needs app." + k);
                }
                for (JsonNode p : m.path("parameters")) {
                    assertTrue(app.path("parameters").path(p.path("name").asText()).path("label").isTextual(),
                            f.getFileName() + " needs a label for " + p.path("name").asText());
                }
                Set<String> keys = new TreeSet<>();
                app.path("parameters").fieldNames().forEachRemaining(keys::add);
                if (reference == null) reference = keys;
                assertEquals(reference, keys, f.getFileName() + " drifted");
            }
        }
        assertTrue(Files.isRegularFile(APP.resolve("translations/zh-cn.json")) && Files.isRegularFile(APP.resolve("translations/zh-tw.json")));
    }
}
