package com.replybook.kb.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link ServerConfig} from command-line flags, then {@code REPLYBOOK_*} environment variables,
 * then {@code replybook.*} system properties (how a servlet container passes settings), then defaults.
 * Unknown flags and unknown {@code REPLYBOOK_*} variables are errors, so a typo never goes unnoticed.
 *
 * <p>Example: {@code --port 9090 --data-dir /var/lib/replybook} or {@code REPLYBOOK_PORT=9090}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Parses flags and the environment; throws {@link IllegalArgumentException} naming the bad setting. */
    public static ServerConfig load(List<String> args, Map<String, String> env, Function<String, String> sysProps) {
        Map<Setting<?>, String> given = new LinkedHashMap<>();
        for (Setting<?> s : ServerConfig.SETTINGS) {
            String v = sysProps.apply("replybook." + s.name());
            if (v != null) given.put(s, v);
        }
        readEnvironment(env, given);
        readFlags(args, given);
        ServerConfig config = ServerConfig.defaults(ServerConfig.DATA_DIR.defaultValue());
        for (Map.Entry<Setting<?>, String> e : given.entrySet()) config = set(config, e.getKey(), e.getValue());
        return config;
    }

    private static <T> ServerConfig set(ServerConfig config, Setting<T> setting, String text) {
        return config.with(setting, setting.parse(text));
    }

    private static void readEnvironment(Map<String, String> env, Map<Setting<?>, String> given) {
        env.forEach((k, v) -> {
            if (!k.startsWith("REPLYBOOK_")) return;
            Setting<?> s = ServerConfig.SETTINGS.stream().filter(x -> x.environmentVariable().equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown environment variable " + k + "; known: "
                            + ServerConfig.SETTINGS.stream().map(Setting::environmentVariable).toList()));
            given.put(s, v);
        });
    }

    private static void readFlags(List<String> args, Map<Setting<?>, String> given) {
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
            Setting<?> s = find(name).orElseThrow(() -> new IllegalArgumentException("Unknown option " + arg + usage()));
            if (value == null && s.isFlag()) {
                // --no-sample-data alone means true; --semantic-search false takes its value
                value = i + 1 < args.size() && isBoolean(args.get(i + 1)) ? args.get(++i) : "true";
            } else if (value == null) {
                if (i + 1 >= args.size()) throw new IllegalArgumentException("Option --" + name + " needs a value" + usage());
                value = args.get(++i);
            }
            given.put(s, value);
        }
    }

    private static Optional<Setting<?>> find(String name) {
        return ServerConfig.SETTINGS.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static boolean isBoolean(String s) {
        return List.of("true", "false", "yes", "no", "1", "0").contains(s.toLowerCase(Locale.ROOT));
    }

    /** Human-readable list of options with their defaults, printed with errors and by {@code --help}. */
    public static String usage() {
        StringBuilder sb = new StringBuilder("\n\nOptions (each also as a REPLYBOOK_* environment variable):\n");
        for (Setting<?> s : ServerConfig.SETTINGS) {
            boolean shown = s.defaultText() != null && !Boolean.FALSE.equals(s.defaultValue());
            String dflt = shown ? " (default " + s.defaultText() + ")" : "";
            sb.append(String.format("  --%-22s %s%s%n", s.name(), s.help(), dflt));
        }
        return sb.toString();
    }
}
