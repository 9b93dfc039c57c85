package com.replybook.kb.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A word of the product's vocabulary as it travels on the wire and in file names: the lower-case name of an enum
 * constant, e.g. {@code warm}. Parsing is one rule for every kind of term.
 */
public interface Term {

    /** The lower-case name used in requests, events and template file names, e.g. {@code "warm"}. */
    String id();

    /** The ids of every constant of {@code type}, in declaration order. */
    static <E extends Enum<E> & Term> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Term::id).toList();
    }

    /**
     * The constant of {@code type} whose id is {@code value} (case and surrounding spaces ignored); {@code fallback}
     * when the value is null or blank.
     *
     * @throws UnknownTermException naming {@code field} and the ids it accepts
     */
    static <E extends Enum<E> & Term> E parse(Class<E> type, String field, String value, E fallback) {
        if (value == null || value.isBlank()) return fallback;
        String id = value.strip().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) return e;
        }
        throw new UnknownTermException(field, "Unknown " + field + " '" + value + "'; use one of "
                + String.join(", ", ids(type)) + ".");
    }

    /** The lower-case form of an enum constant's name, the id of most terms. */
    static String idOf(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
