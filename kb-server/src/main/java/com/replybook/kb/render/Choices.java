package com.replybook.kb.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case request values of the tone, channel and emotion enums. */
final class Choices {

    private Choices() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E choice : type.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(value.strip())) {
                return choice;
            }
        }
        throw new InvalidRenderRequestException(field, "Unknown " + field + " '" + value + "'; use one of "
                + ids(type) + ".");
    }

    static <E extends Enum<E>> String ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
