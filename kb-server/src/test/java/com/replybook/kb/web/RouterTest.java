package com.replybook.kb.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private final Handler<String> list = c -> { };
    private final Handler<String> read = c -> { };
    private final Handler<String> update = c -> { };
    private final Handler<String> importAll = c -> { };
    private final Handler<String> revisions = c -> { };
    private final Router<String> router = new Router<String>()
            .get("/api/v1/entries", list)
            .get("/api/v1/entries/{ref}", read)
            .put("/api/v1/entries/{ref}", update)
            .post("/api/v1/entries/import", importAll)
            .get("/api/v1/entries/{ref}/revisions", revisions);

    @Test
    void aPathParameterIsBoundByName() {
        Router.Found<String> found = router.find("GET", "/api/v1/entries/refund-timing.en").found();
        assertSame(read, found.handler());
        assertEquals(Map.of("ref", "refund-timing.en"), found.params());
        assertEquals(Map.of("ref", "E1"), router.find("GET", "/api/v1/entries/E1/revisions").found().params());
    }

    @Test
    void aLiteralSegmentWinsOverAParameterWhateverTheOrderOfDefinition() {
        Router<String> r = new Router<String>().post("/a/{id}", read).post("/a/import", importAll);
        assertSame(importAll, r.find("POST", "/a/import").found().handler());
        assertSame(read, r.find("POST", "/a/other").found().handler());
    }

    @Test
    void aKnownPathAskedWithAnotherMethodListsTheMethodsItServes() {
        Router.Lookup<String> lookup = router.find("DELETE", "/api/v1/entries/E1");
        assertNull(lookup.found());
        assertTrue(lookup.pathKnown());
        assertEquals(Set.of("GET", "HEAD", "PUT"), lookup.allowed());
        // /entries/import is also a possible {ref}: GET reads the entry called "import", POST imports
        assertEquals(Set.of("GET", "HEAD", "POST", "PUT"), router.find("PATCH", "/api/v1/entries/import").allowed());
    }

    @Test
    void anUnknownPathIsNotKnownAndAllowsNothing() {
        Router.Lookup<String> lookup = router.find("GET", "/api/v1/nothing/here");
        assertNull(lookup.found());
        assertFalse(lookup.pathKnown());
        assertTrue(lookup.allowed().isEmpty());
        assertFalse(router.find("GET", "/api/v1/entries/E1/revisions/extra").pathKnown());
    }

    @Test
    void headIsServedByGetAndATrailingSlashChangesNothing() {
        assertSame(list, router.find("HEAD", "/api/v1/entries").found().handler());
        assertSame(list, router.find("GET", "/api/v1/entries/").found().handler());
        assertEquals(List.of("a", "b"), Router.segments("//a///b/"));
    }

    @Test
    void theSameMethodAndTemplateTwiceIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> router.get("/api/v1/entries/{other}", list));
        assertThrows(IllegalArgumentException.class, () -> router.get("relative/path", list));
        assertThrows(IllegalArgumentException.class, () -> router.get("/a/{x}/{x}", list));
    }

    @Test
    void theTableListsEveryRouteAsAnOperation() {
        assertEquals(Set.of("GET /api/v1/entries", "GET /api/v1/entries/{ref}", "PUT /api/v1/entries/{ref}",
                        "POST /api/v1/entries/import", "GET /api/v1/entries/{ref}/revisions"),
                Set.copyOf(router.routes().stream().map(Router.Route::operation).toList()));
    }
}
