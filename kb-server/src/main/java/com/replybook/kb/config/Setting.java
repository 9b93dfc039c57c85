package com.replybook.kb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One configurable value: its name (the flag without dashes, e.g. {@code data-dir}, also
 * {@code REPLYBOOK_DATA_DIR} and {@code -Dreplybook.data-dir}), what it means, its default, and how its text is
 * read and checked. Immutable; the settings themselves are the constants of {@link ServerConfig}.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final String help;
    private final T defaultValue;
    private final String defaultText;
    private final Function<String, T> parser;
    private final Consumer<T> check;

    private Setting(String name, String help, T defaultValue, String defaultText, Function<String, T> parser,
                    Consumer<T> check) {
        this.name = name;
        this.help = help;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parser = parser;
        this.check = check;
        if (defaultValue != null) check.accept(defaultValue);
    }

    private Setting(String name, String help, T defaultValue, Function<String, T> parser, Consumer<T> check) {
        this(name, help, defaultValue, defaultValue == null ? null : defaultValue.toString(), parser, check);
    }

    /** A whole number from {@code min} to {@code max}. */
    static Setting<Integer> integer(String name, int dflt, int min, int max, String help) {
        return new Setting<>(name, help, dflt, s -> (int) parseLong(name, s), v -> {
            if (v < min || v > max) throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + v);
        });
    }

    /** A count of bytes, at least {@code min}. */
    static Setting<Long> bytes(String name, long dflt, long min, String help) {
        return new Setting<>(name, help, dflt, s -> parseLong(name, s), v -> {
            if (v < min) throw new IllegalArgumentException(name + " must be at least " + min + ", was " + v);
        });
    }

    /** A duration given in milliseconds, at least 1. */
    static Setting<Duration> millis(String name, Duration dflt, String help) {
        return new Setting<>(name, help, dflt, Long.toString(dflt.toMillis()), s -> Duration.ofMillis(parseLong(name, s)), v -> {
            if (v.isNegative() || v.isZero()) throw new IllegalArgumentException(name + " must be positive, was " + v.toMillis());
        });
    }

    /** true or false; as a flag it may stand alone ({@code --no-sample-data}). */
    static Setting<Boolean> flag(String name, boolean dflt, String help) {
        return new Setting<>(name, help, dflt, s -> parseBoolean(name, s), v -> { });
    }

    /** A directory or file, made absolute; {@code dflt} (relative to the working directory) may be null: unset. */
    static Setting<Path> path(String name, String dflt, String help) {
        return new Setting<>(name, help, dflt == null ? null : absolute(dflt), dflt,
                Setting::absolute, v -> { });
    }

    private static Path absolute(String path) {
        return Path.of(path.strip()).toAbsolutePath().normalize();
    }

    /** A decimal number above {@code min} (exclusive) and at most {@code max}. */
    static Setting<Double> decimal(String name, double dflt, double min, double max, String help) {
        return new Setting<>(name, help, dflt, s -> {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + s + "'");
            }
        }, v -> {
            if (!(v > min && v <= max)) throw new IllegalArgumentException(name + " must be above " + min + " and at most " + max + ", was " + v);
        });
    }

    /** A comma-separated subset of {@code allowed} (lower case), e.g. {@code en,zh}; empty for none. */
    static Setting<Set<String>> subset(String name, String dflt, List<String> allowed, String help) {
        Function<String, Set<String>> parse = s -> Arrays.stream(s.split(",")).map(x -> x.strip().toLowerCase(Locale.ROOT))
                .filter(x -> !x.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Setting<>(name, help, parse.apply(dflt), dflt, parse, v -> {
            for (String x : v) {
                if (!allowed.contains(x)) throw new IllegalArgumentException(name + " takes " + allowed + ", not '" + x + "'");
            }
        });
    }

    /** One of {@code allowed} (lower case), e.g. {@code all}. */
    static Setting<String> choice(String name, String dflt, List<String> allowed, String help) {
        return new Setting<>(name, help, dflt, s -> s.strip().toLowerCase(Locale.ROOT), v -> {
            if (!allowed.contains(v)) throw new IllegalArgumentException(name + " takes " + allowed + ", not '" + v + "'");
        });
    }

    /** Free text, unset by default; blank counts as unset. */
    static Setting<String> text(String name, String help) {
        return new Setting<>(name, help, null, s -> s.isBlank() ? null : s.strip(), v -> { });
    }

    /** A secret of at least {@code minLength} characters, unset by default. */
    static Setting<String> secret(String name, int minLength, String help) {
        return new Setting<>(name, help, null, s -> s.isBlank() ? null : s.strip(), v -> {
            if (v.length() < minLength) throw new IllegalArgumentException(name + " must be at least " + minLength + " characters");
        });
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as a user would type it, e.g. {@code ./data} or {@code 2000}; null when unset by default. */
    public String defaultText() {
        return defaultText;
    }

    /** The environment variable that sets it, e.g. {@code REPLYBOOK_DATA_DIR}. */
    public String environmentVariable() {
        return "REPLYBOOK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    boolean isFlag() {
        return defaultValue instanceof Boolean;
    }

    /** Reads {@code text}; throws {@link IllegalArgumentException} naming this setting when it is not valid. */
    T parse(String text) {
        T value = parser.apply(text);
        if (value != null) check.accept(value);
        return value;
    }

    /** Checks a value given in code (tests, embedding); throws naming this setting when it is not valid. */
    T checked(T value) {
        if (value != null) check.accept(value);
        return value;
    }

    private static long parseLong(String name, String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + s + "'");
        }
    }

    private static boolean parseBoolean(String name, String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + s + "'");
        };
    }

    @Override
    public String toString() {
        return "--" + name;
    }
}
