package com.replybook.plugin.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The widget's source files: the served resources (message bundles) and the parts the build joins. */
final class WidgetFiles {
    static final Path DIR = Path.of("src/main/resources/META-INF/resources/plugin");
    /** The parts of replybook-widget.js and replybook-widget.css ({@code NN-name.js}, {@code NN-name.css}). */
    static final Path PARTS = Path.of("src/main/widget");

    private WidgetFiles() {
    }

    static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    /** The parts with the given extension ({@code js} or {@code css}), in the name order the build joins them. */
    static List<Path> parts(String extension) throws IOException {
        try (Stream<Path> files = Files.list(PARTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith("." + extension)).sorted().toList();
        }
    }

    /** The widget's script as the build joins it from its parts. */
    static String script() throws IOException {
        return parts("js").stream().map(WidgetFiles::readPart).collect(Collectors.joining("\n"));
    }

    private static String readPart(Path part) {
        try {
            return Files.readString(part, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
