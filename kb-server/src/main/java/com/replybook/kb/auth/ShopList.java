package com.replybook.kb.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.web.Json;

import java.util.List;

/** A user's shops as the {@code users.shops} column keeps them: a JSON array of shop keys, {@code []} for every shop. */
final class ShopList {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private ShopList() {
    }

    static List<String> read(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return List.copyOf(Json.MAPPER.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("users.shops is not a JSON array of shop keys: " + json, e);
        }
    }

    static String write(List<String> shops) {
        try {
            return Json.MAPPER.writeValueAsString(shops == null ? List.of() : shops);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
