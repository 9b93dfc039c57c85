package com.replybook.kb.exchange;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.render.ScriptRenderer;
import com.replybook.kb.testing.Leaks;
import com.replybook.kb.web.FieldError;
import org.junit.jupiter.api.AfterAll;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import parsing under arbitrary files (Jazzer): whatever the bytes, reading a file either yields rows or a
 * {@link EntryReader.FileProblem} in plain words, and validating each row yields a draft or field errors in plain
 * words; nothing else escapes, and no message names a class, a library or a stack frame ({@link Leaks}). The seed corpus (in
 * {@code src/test/resources/.../ImportFuzzTestInputs/<method>/}) runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ImportFuzzTest {

    static final ScriptRenderer RENDERER = new ScriptRenderer();
    static final EntryDraftParser PARSER = new EntryDraftParser((field, script, locale, shops) ->
            RENDERER.validate(script).stream().map(p -> new FieldError(field, p.message(), p.line(), p.column())).toList());

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @FuzzTest(maxDuration = "60s")
    void json(byte[] file) {
        readAndValidate(Format.JSON, file);
    }

    @FuzzTest(maxDuration = "60s")
    void ndjson(byte[] file) {
        readAndValidate(Format.NDJSON, file);
    }

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] file) {
        readAndValidate(Format.CSV, file);
    }

    @FuzzTest(maxDuration = "60s")
    void xlsx(byte[] file) {
        readAndValidate(Format.XLSX, file);
    }

    static void readAndValidate(Format format, byte[] file) {
        List<EntryReader.SourceRow> rows;
        try {
            rows = EntryReader.read(format, file);
        } catch (EntryReader.FileProblem e) {
            plain(e.getMessage());
            return;
        }
        for (EntryReader.SourceRow row : rows) {
            assertTrue(row.number() >= 1, "rows are numbered as the user sees them");
            EntryDraftParser.Result r = PARSER.parse(row.json());
            if (r.ok()) {
                assertTrue(r.draft().key().matches("[a-z0-9][a-z0-9._-]{0,127}"), r.draft().key());
            } else {
                r.errors().forEach(e -> plain(e.message()));
            }
        }
    }

    static void plain(String message) {
        Leaks.assertPlain(message);
    }
}
