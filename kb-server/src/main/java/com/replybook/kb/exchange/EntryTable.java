package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.ScriptVersions;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spreadsheet layout of entries (CSV and XLSX): one row per entry, one column per field, named as in the
 * entry JSON so files are the same whatever the console's language. List fields hold one item per line; an
 * item that itself contains a line break makes the cell a JSON array instead, so nothing is ever split or
 * merged on the way back in. Stateless.
 */
public final class EntryTable {

    /** The tones an entry may have its own script version for, each a column {@code toneScripts.<tone>}. */
    static final List<String> VERSION_TONES = Tone.IDS.stream().filter(t -> !t.equals(Tone.STANDARD.id())).toList();
    public static final List<String> COLUMNS = columns();
    static final Set<String> LISTS = Set.of("tags", "questions", "diagnostics", "actions", "acceptedFallbacks", "shops");
    /** What a spreadsheet runs as a formula, after any apostrophes: see {@link #toCsvCell}. */
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");
    static final Set<String> REQUIRED = Set.of("key", "locale", "category", "problem", "script");

    private EntryTable() {
    }

    /** The columns: the fields of issue 20 (shops, visibility, tone versions) last, so older files still line up. */
    private static List<String> columns() {
        List<String> out = new ArrayList<>(List.of("key", "locale", "category", "tags", "problem", "questions",
                "cause", "script", "smsScript", "reviewScript", "diagnostics", "actions", "acceptedFallbacks", "status",
                "owner", "verifyEveryDays", "shops", "visibility"));
        for (String tone : VERSION_TONES) out.add(ScriptVersions.TONE_FIELD + "." + tone);
        return List.copyOf(out);
    }

    /** The cells of {@code e}, in {@link #COLUMNS} order. */
    public static List<String> cells(Entry e) {
        List<String> out = new ArrayList<>(List.of(e.key(), e.locale(), e.category(), list(e.tags()), e.problem(),
                list(e.questions()), e.cause(), e.script(), e.smsScript(), e.reviewScript(), list(e.diagnostics()),
                list(e.actions()), list(e.acceptedFallbacks()), e.status().wire(), e.owner() == null ? "" : e.owner(),
                String.valueOf(e.verifyEveryDays()), list(e.shops()), e.visibility().id()));
        for (String tone : VERSION_TONES) out.add(e.toneScripts().getOrDefault(tone, ""));
        return out;
    }

    /** Entry JSON for the parser from one row ({@code column → cell}); blank optional cells are left out. */
    static ObjectNode toJson(Map<String, String> row) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ObjectNode tones = o.putObject(ScriptVersions.TONE_FIELD);
        for (String col : COLUMNS) {
            String v = row.getOrDefault(col, "");
            if (col.startsWith(ScriptVersions.TONE_FIELD + ".")) {
                if (!v.isBlank()) tones.put(col.substring(ScriptVersions.TONE_FIELD.length() + 1), v);
            } else if (LISTS.contains(col)) {
                ArrayNode a = o.putArray(col);
                parseList(v).forEach(a::add);
            } else if (col.equals("verifyEveryDays")) {
                if (v.strip().matches("\\d{1,9}(\\.0+)?")) o.put(col, Integer.parseInt(v.strip().replaceAll("\\.0+$", "")));
                else if (!v.isBlank()) o.put(col, v);
            } else if (!v.isBlank() || REQUIRED.contains(col)) {
                o.put(col, v);
            }
        }
        return o;
    }

    /**
     * A CSV cell safe to open in a spreadsheet: one that a spreadsheet would run as a formula ({@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return first, after any apostrophes) gets an apostrophe in front,
     * e.g. {@code =1+1} → {@code '=1+1}. {@link #fromCsvCell} undoes exactly this, so the round trip is lossless.
     */
    public static String toCsvCell(String cell) {
        return FORMULA.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    /** The cell as written before {@link #toCsvCell}: {@code '=1+1} → {@code =1+1}, {@code 'abc} stays. */
    static String fromCsvCell(String cell) {
        return cell.startsWith("'") && FORMULA.matcher(cell).lookingAt() ? cell.substring(1) : cell;
    }

    static String list(List<String> items) {
        boolean multiLine = items.stream().anyMatch(s -> s.contains("\n") || s.contains("\r"));
        if (!multiLine && (items.isEmpty() || !items.getFirst().startsWith("["))) return String.join("\n", items);
        try {
            return Json.MAPPER.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> parseList(String cell) {
        String v = cell == null ? "" : cell.strip();
        if (v.startsWith("[")) {
            try {
                JsonNode n = Json.MAPPER.readTree(v);
                if (n.isArray()) {
                    List<String> out = new ArrayList<>();
                    for (JsonNode i : n) out.add(i.asText());
                    return out;
                }
            } catch (JsonProcessingException ignored) {
                // not JSON after all: an item that starts with '[', read as lines
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : v.split("\\r?\\n")) if (!line.isBlank()) out.add(line.strip());
        return out;
    }

    /** Maps a header row to column names; unknown headers are reported by the caller. */
    static Map<Integer, String> header(List<String> names) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i) == null ? "" : names.get(i).replace("\uFEFF", "").strip();
            if (!n.isEmpty()) out.put(i, n);
        }
        return out;
    }
}
