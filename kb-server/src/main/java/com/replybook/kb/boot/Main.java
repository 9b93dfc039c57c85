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
 * {@link JettyLauncher} in a class loader that sees them. Containers never run this class. As
 * {@code java -jar kb-server.war backup|restore …} it runs the SQLite backup instead ({@code db.SqliteBackup}).
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
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            runMaintenance(war, args);
            return;
        }
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

    /**
     * {@code backup} and {@code restore} of the SQLite database ({@code db.SqliteBackup}): no web server, only the
     * application's classes and the SQLite driver, so they also run beside a server that is running.
     */
    private static void runMaintenance(Path war, String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(java.net.URI.create("jar:" + war.toUri() + "!/WEB-INF/classes/").toURL());
        for (Path jar : unpack(war, "WEB-INF/lib/", List.of("sqlite-jdbc-", "slf4j-api-", "slf4j-jdk14-"))) urls.add(jar.toUri().toURL());
        URLClassLoader loader = new URLClassLoader("replybook-maintenance", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass("com.replybook.kb.db.SqliteBackup").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Unpacks the launcher jars once per WAR build into the temp directory and returns their paths. */
    private static List<Path> unpackLauncherLibs(Path war) throws IOException {
        List<Path> jars = unpack(war, LAUNCHER_LIBS, List.of(""));
        if (jars.isEmpty()) throw new IllegalStateException(war + " has no " + LAUNCHER_LIBS + ": was it built by Maven?");
        return jars;
    }

    /** Unpacks the jars in {@code folder} of the WAR whose names start with one of {@code prefixes}, once per build. */
    private static List<Path> unpack(Path war, String folder, List<String> prefixes) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "replybook-launcher-" + Long.toHexString(Files.size(war) ^ Files.getLastModifiedTime(war).toMillis()));
        Files.createDirectories(dir);
        List<Path> jars = new ArrayList<>();
        try (JarFile jar = new JarFile(war.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(folder) || !e.getName().endsWith(".jar")) continue;
                String name = e.getName().substring(folder.length());
                if (name.contains("/") || prefixes.stream().noneMatch(name::startsWith)) continue;
                Path target = dir.resolve(name);
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
        return jars;
    }
}
