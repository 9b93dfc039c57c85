package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;

import java.util.List;

/**
 * An entry's {@code acceptedFallbacks}: the variables whose natural stand-in the editor accepts when a ticket lacks
 * the value, e.g. {@code ["product.name"]} where "您的商品" reads as well as "您的羊毛围巾". Every other missing
 * value is asked of the agent before the reply can be inserted. Only variables that have a stand-in
 * ({@link ScriptVariables#WITH_FALLBACK}) may be listed. Stateless.
 */
public final class AcceptedFallbacks {

    static final String FIELD = "acceptedFallbacks";

    private AcceptedFallbacks() {
    }

    /** The variables listed in {@code json}'s {@code acceptedFallbacks}, in the vocabulary's order; errors name the item. */
    public static List<String> read(JsonNode json, List<FieldError> errors) {
        List<String> listed = JsonFields.strings(json, FIELD, ScriptVariables.ALL.size(), 40, errors);
        for (int i = 0; i < listed.size(); i++) {
            if (!ScriptVariables.WITH_FALLBACK.contains(listed.get(i))) {
                errors.add(FieldError.of(FIELD, EntryError.NO_FALLBACK, listed.get(i),
                        String.join(", ", ordered(ScriptVariables.WITH_FALLBACK))));
            }
        }
        return ordered(listed);
    }

    /** {@code variables} in the order of {@link ScriptVariables#ALL}, unknown ones dropped. */
    public static List<String> ordered(java.util.Collection<String> variables) {
        return ScriptVariables.ALL.stream().filter(variables::contains).toList();
    }
}
