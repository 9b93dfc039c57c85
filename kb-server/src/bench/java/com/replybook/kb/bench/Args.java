package com.replybook.kb.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark tools; unknown names are an error. */
record Args(Map<String, String> values) {

    static Args parse(String[] args, String... known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !List.of(known).contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown or incomplete option '" + args[i] + "'; known: --"
                        + String.join(" --", known) + " (each followed by a value)");
            }
            values.put(name, args[i + 1]);
        }
        return new Args(values);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Path path(String name) {
        return values.containsKey(name) ? Path.of(values.get(name)) : null;
    }
}
