package com.replybook.kb.db;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/backup} while the server runs and takes writes, then {@code scripts/restore} into a fresh data
 * directory: a server started there has every entry, revision, case and user, and finds the entries by search once
 * its index is rebuilt.
 */
class BackupRestoreIT {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheServerWritesRestoresIntoAFreshDataDirectoryWithNothingMissing() throws Exception {
        Path backup = dir.resolve("backups/replybook-backup.db");
        Path fresh = dir.resolve("restored");
        List<String> keys = new ArrayList<>();
        String caseId;
        Set<String> writtenDuringBackup = ConcurrentHashMap.newKeySet();
        try (TestServer server = TestServer.start(dir.resolve("data"), false)) {
            ApiClient admin = server.admin();
            for (int i = 0; i < 20; i++) {
                String key = "backup-" + i + ".zh-cn";
                Map<String, Object> entry = Fixtures.entry(key);
                entry.put("problem", "备份测试 bkword" + i + " 包裹没有更新");
                entry.put("status", "published");
                assertEquals(201, admin.post("/api/v1/entries", entry).status());
                keys.add(key);
            }
            Map<String, Object> edited = Fixtures.entry("backup-0.zh-cn");
            edited.put("problem", "备份测试 bkword0 第二版");
            edited.put("status", "published");
            assertEquals(200, admin.put("/api/v1/entries/backup-0.zh-cn", edited, "\"1\"").status());
            Response created = admin.post("/api/v1/cases", Map.of("title", "备份的案例", "excerptText", "客户说包裹三天没动"));
            assertEquals(201, created.status(), created.text());
            caseId = created.json().get("id").asText();
            server.createConsoleUsers("correct horse battery", "backup.editor:editor");

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    Map<String, Object> entry = Fixtures.entry("during-" + i + ".zh-cn");
                    if (admin.post("/api/v1/entries", entry).status() == 201) writtenDuringBackup.add("during-" + i + ".zh-cn");
                }
            });
            try {
                while (writtenDuringBackup.size() < 3) Thread.sleep(10);
                assertEquals(0, script("backup", "--data-dir", dir.resolve("data").toString(), backup.toString()));
            } finally {
                writing.set(false);
                writer.join();
            }
        }
        assertNotEquals(0, script("restore", "--data-dir", dir.resolve("data").toString(), backup.toString()),
                "restoring over an existing database needs --force");
        assertEquals(0, script("restore", "--data-dir", fresh.toString(), backup.toString()));

        try (TestServer restored = TestServer.start(fresh, false)) {
            ApiClient admin = restored.admin();
            for (String key : keys) assertEquals(200, admin.get("/api/v1/entries/" + key).status(), key);
            assertEquals(2, admin.get("/api/v1/entries/backup-0.zh-cn/revisions").json().get("revisions").size());
            assertEquals("备份的案例", admin.get("/api/v1/cases/" + caseId).json().get("title").asText());
            assertTrue(restored.app().users().findByUsername("backup.editor").isPresent());
            assertTrue(restored.app().signIns().signIn("backup.editor", "correct horse battery", "127.0.0.1").user().isPresent());
            for (int i = 0; i < keys.size(); i++) {
                Response hits = admin.get("/api/v1/search?q=bkword" + i);
                assertEquals(keys.get(i), hits.json().get("hits").get(0).get("key").asText(), hits.text());
            }
            long total = admin.get("/api/v1/entries?pageSize=1").json().get("total").asLong();
            long during = total - keys.size();
            assertTrue(during >= 3, "the writes acknowledged before the backup began are in it: " + during);
            for (int i = 0; i < during; i++) {
                assertEquals(1, admin.get("/api/v1/entries/during-" + i + ".zh-cn/revisions").json().get("revisions").size(),
                        "a consistent snapshot: every entry has its revision");
            }
        }
    }

    /** Runs {@code scripts/<name>} with the WAR of this build; returns its exit code. */
    private int script(String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", Path.of("..", "scripts", name).toAbsolutePath().normalize().toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, name, ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("REPLYBOOK_"));
        pb.environment().put("REPLYBOOK_WAR", WarProcess.war().toAbsolutePath().toString());
        pb.environment().put("JAVA_HOME", Path.of(WarProcess.javaBinaryPath()).getParent().getParent().toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
        System.out.println(name + ": " + Files.readString(log));
        return p.exitValue();
    }
}
