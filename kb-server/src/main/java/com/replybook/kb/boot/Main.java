package com.replybook.kb.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * First stage of {@code java -jar kb-server.war} (the Jenkins model). Uses the JDK only: it checks the Java
 * version, unpacks the embedded Jetty jars from {@code WEB-INF/lib-launcher/} and hands over to
 * {@link JettyLauncher} in a class loader that sees them. Containers never run this class.
 */
public final class Main {

    static final String LAUNCHER_LIBS = "WEB-INF/lib-launcher/";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            System.err.println("Replybook needs Java 21 or newer, but this is Java " + Runtime.version()
                    + ". Run it with a newer JDK, e.g. JAVA_HOME=/usr/lib/jvm/<jdk-21+> or use ./replybook.");
            System.exit(1);
        }
        Path war = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<URL> urls = new ArrayList<>();
        urls.add(war.toUri().toURL());
        for (Path jar : unpackLauncherLibs(war)) urls.add(jar.toUri().toURL());
        URLClassLoader loader = new URLClassLoader("replybook-launcher", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(Main.class.getPackageName() + ".JettyLauncher")
                    .getMethod("run", Path.class, String[].class)
                    .invoke(null, war, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Unpacks the launcher jars once per WAR build into the temp directory and returns their paths. */
    private static List<Path> unpackLauncherLibs(Path war) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "replybook-launcher-" + Long.toHexString(Files.size(war) ^ Files.getLastModifiedTime(war).toMillis()));
        Files.createDirectories(dir);
        List<Path> jars = new ArrayList<>();
        try (JarFile jar = new JarFile(war.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(LAUNCHER_LIBS) || !e.getName().endsWith(".jar")) continue;
                Path target = dir.resolve(e.getName().substring(LAUNCHER_LIBS.length()));
                if (!Files.exists(target) || Files.size(target) != e.getSize()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        Path tmp = Files.createTempFile(dir, "part", ".tmp");
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                jars.add(target);
            }
        }
        if (jars.isEmpty()) throw new IllegalStateException(war + " has no " + LAUNCHER_LIBS + ": was it built by Maven?");
        return jars;
    }
}
