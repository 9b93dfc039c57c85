package com.replybook.kb.console;

import com.replybook.kb.web.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message the server can send with a code ({@link ErrorCode}) has its words in all three console languages,
 * uses only the placeholders its code declares, and no two messages share a code; outside the shared plumbing
 * ({@code web}) no refusal is English alone.
 */
class ErrorCodesGuardTest {

    static final Path SOURCES = Path.of("src/main/java");

    /** Every enum of the server that implements {@link ErrorCode}, found in the sources so none is forgotten. */
    static List<ErrorCode> allCodes() throws IOException, ClassNotFoundException {
        List<ErrorCode> codes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!Files.readString(f).matches("(?s).*\\benum \\w+ implements ErrorCode\\b.*")) continue;
                String name = SOURCES.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                for (Object c : Class.forName(name).getEnumConstants()) codes.add((ErrorCode) c);
            }
        }
        return codes;
    }

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ErrorCodesGuardTest.class.getResourceAsStream("/i18n/console" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyErrorCodeHasItsWordsInAllThreeLanguages() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String suffix : List.of("", "_zh_CN", "_zh_TW")) {
            Properties words = bundle(suffix);
            for (ErrorCode c : allCodes()) {
                if (!words.containsKey(ErrorTexts.key(c.code()))) missing.add("console" + suffix + ": " + ErrorTexts.key(c.code()));
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(allCodes().size() > 100, "the scan found the codes of every feature: " + allCodes().size());
    }

    @Test
    void theWordsUseOnlyThePlaceholdersTheirCodeDeclares() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String suffix : List.of("", "_zh_CN", "_zh_TW")) {
            Properties words = bundle(suffix);
            for (ErrorCode c : allCodes()) {
                for (String used : ErrorCode.placeholders(words.getProperty(ErrorTexts.key(c.code()), ""))) {
                    if (!c.argNames().contains(used)) wrong.add("console" + suffix + " " + c.code() + ": {" + used + "}");
                }
                for (String used : ErrorCode.placeholders(c.english())) {
                    if (!c.argNames().contains(used)) wrong.add("English of " + c.code() + ": {" + used + "}");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A refusal worded only in English: {@code new ApiException(…)}, a factory given a message string
     * ({@code badRequest("q", "q is too long")}, {@code notFound("No approval " + id)}, {@code badRequest(f, e.getMessage())})
     * or a {@code new FieldError(field, "…")}. Coded ones ({@code badRequest("q", InputError.TOO_LONG, "q", 1000)})
     * do not match.
     */
    static final Pattern PLAIN_REFUSAL = Pattern.compile("new ApiException\\("
            + "|ApiException\\.(badRequest|unprocessable)\\([^,()]*(\\([^()]*\\))?[^,()]*,\\s*(\"|[a-z]\\w*\\.getMessage)"
            + "|ApiException\\.(forbidden|notFound|unauthorized|conflict|unsupportedMediaType)\\(\\s*\""
            + "|new FieldError\\([^;]*,\\s*\"");

    /** Only the shared plumbing builds errors from plain strings (the factories themselves, container errors). */
    static final Path PLUMBING = SOURCES.resolve("com/replybook/kb/web");

    @Test
    void everyFeatureRefusesWithACodeNeverWithEnglishAlone() throws IOException {
        List<String> plain = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(PLUMBING)).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (PLAIN_REFUSAL.matcher(lines.get(i)).find()) plain.add(SOURCES.relativize(f) + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), plain, "give these refusals an ErrorCode (a feature's *Error enum) so clients can word them");
        assertTrue(PLAIN_REFUSAL.matcher("throw ApiException.badRequest(\"q\", \"q is longer than 1000 characters\");").find());
        assertTrue(PLAIN_REFUSAL.matcher("ApiException.notFound(\"No approval \" + id)").find());
        assertTrue(PLAIN_REFUSAL.matcher("ApiException.badRequest(e.field(), e.getMessage())").find());
        assertTrue(PLAIN_REFUSAL.matcher("errors.add(new FieldError(at + \".tag\", \"tag must be 1 to 100 characters\"));").find());
        assertFalse(PLAIN_REFUSAL.matcher("ApiException.badRequest(\"q\", InputError.TOO_LONG, \"q\", 1000)").find());
        assertFalse(PLAIN_REFUSAL.matcher("ApiException.badRequest(e.field(), InputError.UNKNOWN_TERM, e.field()).withMessage(e.getMessage())").find());
    }

    @Test
    void noTwoMessagesShareACode() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (ErrorCode c : allCodes()) if (!seen.add(c.code())) twice.add(c.code());
        assertEquals(List.of(), twice);
    }
}
