package com.replybook.plugin.widget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The widget's source files, read from the module's resources folder. */
final class WidgetFiles {
    static final Path DIR = Path.of("src/main/resources/META-INF/resources/plugin");

    private WidgetFiles() {
    }

    static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }
}
