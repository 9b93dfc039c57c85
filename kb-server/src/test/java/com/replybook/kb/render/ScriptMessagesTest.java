package com.replybook.kb.render;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What editors read about a broken script: FreeMarker's first sentence, none of its classes, versions or lists. */
class ScriptMessagesTest {

    static final ScriptRenderer RENDERER = new ScriptRenderer();
    static final List<String> INTERNALS = List.of("wrapper", "f.t.", "SimpleScalar", "ScriptModel", "$Missing",
            "FreeMarker", "freemarker", "Help (latest", "alphabetical list", "in template", "==>");

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void aTextUsedAsAGroupOfValuesIsExplainedWithoutFreeMarkersModelClasses() {
        String message = RENDERER.validate("您好 ${order.id.number}").getFirst().message();
        assertPlain(message);
        assertTrue(message.contains("group of values"), message);
    }

    @Test
    void aMissingValueUsedAsAGroupDoesNotNameTheRenderersOwnClasses() {
        ScriptRejectedException e = assertThrows(ScriptRejectedException.class, () -> RENDERER.render(
                new RenderRequest("${coupon.amount.value}", "zh-CN", "standard", "chat", null, Map.of())));
        e.problems().forEach(p -> assertPlain(p.message()));
    }

    @Test
    void anUnknownBuiltInIsNamedWithoutFreeMarkersVersionOrItsListOfBuiltIns() {
        String message = RENDERER.validate("${customer.name?shout}").getFirst().message();
        assertPlain(message);
        assertTrue(message.contains("shout"), message);
    }

    private static void assertPlain(String message) {
        for (String internal : INTERNALS) assertFalse(message.contains(internal), internal + " in: " + message);
    }
}
