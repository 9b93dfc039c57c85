package com.replybook.kb.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backup and restore of the embedded SQLite database, run as {@code java -jar kb-server.war backup|restore …}
 * (through {@code scripts/backup} and {@code scripts/restore}).
 *
 * <p>{@link #backup} is online and consistent: {@code VACUUM INTO} copies one read snapshot (WAL mode lets the
 * server go on writing meanwhile) into a new, compact, self-contained file. {@link #restore} checks a backup
 * ({@code PRAGMA integrity_check}, and that it is a Replybook database) and puts it in a data directory whose server
 * is stopped; it removes that directory's search index, which the server rebuilds from the restored database on
 * start.
 */
public final class SqliteBackup {

    /** The database file in a data directory (as {@code Database.sqliteUrl} names it). */
    static final String FILE = "replybook.db";

    private SqliteBackup() {
    }

    /** Copies the database of {@code dataDir} into the new file {@code target} (which must not exist). */
    public static void backup(Path dataDir, Path target) throws SQLException, IOException {
        Path source = dataDir.resolve(FILE);
        if (!Files.isRegularFile(source)) throw new IOException("No database at " + source + ": give the server's --data-dir");
        if (Files.exists(target)) throw new IOException(target + " exists already; choose a new file name");
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source + "?busy_timeout=30000");
             PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toAbsolutePath().toString());
            ps.execute();
        }
        check(target);
    }

    /**
     * Puts the backup {@code source} in place as the database of {@code dataDir} (whose server must be stopped).
     * Refuses to replace an existing database unless {@code replace}; the replaced one is kept beside it as
     * {@code replybook.db.before-restore}.
     */
    public static void restore(Path source, Path dataDir, boolean replace) throws SQLException, IOException {
        check(source);
        Path target = dataDir.resolve(FILE);
        if (Files.exists(target) && !replace) {
            throw new IOException(target + " exists; stop its server and add --force to replace it");
        }
        Files.createDirectories(dataDir);
        if (Files.exists(target)) Files.move(target, dataDir.resolve(FILE + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
        for (String leftover : List.of(FILE + "-wal", FILE + "-shm")) Files.deleteIfExists(dataDir.resolve(leftover));
        Path partial = dataDir.resolve(FILE + ".restoring");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        endSessions(target);
        deleteTree(dataDir.resolve("index")); // derived from the old database: rebuilt from this one on start
    }

    /** Console sessions of the backup's time must not come back to life: everyone signs in again. */
    private static void endSessions(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             PreparedStatement ps = c.prepareStatement("DELETE FROM console_sessions")) {
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no such table")) throw e; // a backup older than V63
        }
    }

    /** Throws unless {@code file} is an intact SQLite database with Replybook's tables. */
    static void check(Path file) throws SQLException, IOException {
        if (!Files.isRegularFile(file)) throw new IOException("No backup at " + file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1");
             PreparedStatement integrity = c.prepareStatement("PRAGMA integrity_check");
             ResultSet rs = integrity.executeQuery()) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) throw new IOException(file + " is damaged: " + result);
            try (PreparedStatement entries = c.prepareStatement("SELECT COUNT(*) FROM entries")) {
                entries.executeQuery().close();
            } catch (SQLException e) {
                throw new IOException(file + " is not a Replybook database (it has no entries table)", e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * {@code backup --data-dir DIR --to FILE} or {@code restore --from FILE --data-dir DIR [--force]}; exits 0 when
     * done, 1 with the reason on standard error otherwise.
     */
    public static void main(String[] args) {
        try {
            Command command = Command.parse(args);
            if (command.backup()) backup(command.dataDir(), command.file());
            else restore(command.file(), command.dataDir(), command.force());
            System.out.println((command.backup() ? "Backed up " + command.dataDir().resolve(FILE) + " to "
                    : "Restored " + command.file() + " into ") + (command.backup() ? command.file() : command.dataDir())
                    + (command.backup() ? "" : "; the search index is rebuilt when the server starts"));
        } catch (IllegalArgumentException | IOException | SQLException e) {
            System.err.println("replybook: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A parsed command line. */
    private record Command(boolean backup, Path dataDir, Path file, boolean force) {

        static Command parse(String[] args) {
            if (args.length == 0 || !List.of("backup", "restore").contains(args[0])) {
                throw new IllegalArgumentException("Usage: backup --data-dir DIR --to FILE | restore --from FILE --data-dir DIR [--force]");
            }
            boolean backup = args[0].equals("backup");
            Path dataDir = Path.of("./data");
            Path file = null;
            boolean force = false;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                    case "--to", "--from" -> file = Path.of(value(args, ++i, args[i - 1]));
                    case "--force" -> force = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (file == null) throw new IllegalArgumentException(backup ? "Say where to write: --to FILE" : "Say what to restore: --from FILE");
            return new Command(backup, dataDir.toAbsolutePath().normalize(), file.toAbsolutePath().normalize(), force);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }
    }
}
