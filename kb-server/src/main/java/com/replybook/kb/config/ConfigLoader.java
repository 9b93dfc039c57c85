package com.replybook.kb.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@link ServerConfig} from command-line flags, then {@code REPLYBOOK_*} environment variables,
 * then {@code replybook.*} system properties (how a servlet container passes settings), then defaults.
 * Unknown flags and unknown {@code REPLYBOOK_*} variables are errors, so a typo never goes unnoticed.
 *
 * <p>Example: {@code --port 9090 --data-dir /var/lib/replybook} or {@code REPLYBOOK_PORT=9090}.
 */
public final class ConfigLoader {

    /** Setting name (flag without dashes) → description; the single list of what can be configured. */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("port", "HTTP port (default 8080)");
        SETTINGS.put("data-dir", "data directory (default ./data)");
        SETTINGS.put("no-sample-data", "do not load the sample library into an empty database");
        SETTINGS.put("jdbc-url", "database URL, e.g. jdbc:postgresql://localhost/replybook (default: SQLite in the data dir)");
        SETTINGS.put("jdbc-user", "database user");
        SETTINGS.put("jdbc-password", "database password");
        SETTINGS.put("admin-token", "bootstrap admin API token (at least 24 characters)");
        SETTINGS.put("max-request-bytes", "largest accepted request body (default 67108864)");
        SETTINGS.put("render-timeout-ms", "time limit for rendering one script (default 2000)");
        SETTINGS.put("semantic-search", "true|false: hybrid search with embedding models (default true)");
        SETTINGS.put("search-cache-entries", "recent distinct searches answered from memory (default 4096; 0: off)");
    }

    private ConfigLoader() {
    }

    /** Parses flags and the environment; throws {@link IllegalArgumentException} naming the bad setting. */
    public static ServerConfig load(List<String> args, Map<String, String> env, Function<String, String> sysProps) {
        Map<String, String> values = new LinkedHashMap<>();
        readSystemProperties(sysProps, values);
        readEnvironment(env, values);
        readFlags(args, values);
        return build(values);
    }

    private static void readSystemProperties(Function<String, String> sysProps, Map<String, String> values) {
        for (String name : SETTINGS.keySet()) {
            String v = sysProps.apply("replybook." + name);
            if (v != null) values.put(name, v);
        }
    }

    private static void readEnvironment(Map<String, String> env, Map<String, String> values) {
        env.forEach((k, v) -> {
            if (!k.startsWith("REPLYBOOK_")) return;
            String name = k.substring("REPLYBOOK_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
            if (!SETTINGS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown environment variable " + k + "; known: " + envNames());
            }
            values.put(name, v);
        });
    }

    private static void readFlags(List<String> args, Map<String, String> values) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) throw new IllegalArgumentException("Unexpected argument '" + arg + "'" + usage());
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!SETTINGS.containsKey(name)) throw new IllegalArgumentException("Unknown option --" + name + usage());
            if (name.equals("no-sample-data")) {
                values.put(name, value == null ? "true" : value);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) throw new IllegalArgumentException("Option --" + name + " needs a value" + usage());
                value = args.get(++i);
            }
            values.put(name, value);
        }
    }

    private static ServerConfig build(Map<String, String> v) {
        String token = v.get("admin-token");
        if (token != null && token.length() < 24) {
            throw new IllegalArgumentException("admin-token must be at least 24 characters");
        }
        String url = blankToNull(v.get("jdbc-url"));
        return new ServerConfig(
                intValue(v, "port", ServerConfig.DEFAULT_PORT),
                Path.of(v.getOrDefault("data-dir", "data")).toAbsolutePath().normalize(),
                !boolValue(v, "no-sample-data", false),
                url,
                blankToNull(v.get("jdbc-user")),
                v.get("jdbc-password"),
                blankToNull(token),
                longValue(v, "max-request-bytes", ServerConfig.DEFAULT_MAX_REQUEST_BYTES),
                Duration.ofMillis(longValue(v, "render-timeout-ms", 2000)),
                boolValue(v, "semantic-search", true),
                intValue(v, "search-cache-entries", ServerConfig.DEFAULT_SEARCH_CACHE_ENTRIES));
    }

    private static int intValue(Map<String, String> v, String name, int dflt) {
        return (int) longValue(v, name, dflt);
    }

    private static long longValue(Map<String, String> v, String name, long dflt) {
        String s = v.get(name);
        if (s == null) return dflt;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + s + "'");
        }
    }

    private static boolean boolValue(Map<String, String> v, String name, boolean dflt) {
        String s = v.get(name);
        if (s == null) return dflt;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + s + "'");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String envNames() {
        return SETTINGS.keySet().stream().map(n -> "REPLYBOOK_" + n.toUpperCase(Locale.ROOT).replace('-', '_')).toList().toString();
    }

    /** Human-readable list of options, printed with errors and by {@code --help}. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("\n\nOptions (each also as a REPLYBOOK_* environment variable):\n");
        SETTINGS.forEach((name, help) -> sb.append(String.format("  --%-20s %s%n", name, help)));
        return sb.toString();
    }
}
