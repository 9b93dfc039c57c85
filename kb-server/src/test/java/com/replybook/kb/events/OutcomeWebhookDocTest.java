package com.replybook.kb.events;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Zendesk triggers that plugin/README.md tells admins to set up send outcome events kb-server takes: each JSON
 * body of its table, with the placeholders Zendesk fills, is stored with its outcome.
 */
class OutcomeWebhookDocTest {

    private static final Path README = Path.of("../plugin/README.md");
    private static final Pattern ROW = Pattern.compile("^\\| Replybook: (\\w+) \\|.*\\| `(\\{.*})` \\|$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyTriggerBodyTheReadmeDocumentsIsAnOutcomeKbServerStores() throws IOException {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(README));
        while (m.find()) rows.add(new String[]{m.group(1), m.group(2)});
        assertEquals(List.of("resolved", "reopened", "satisfied", "dissatisfied"), rows.stream().map(r -> r[0]).toList());
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient webhook = server.userWithRole("zendesk-webhook", "agent");
            for (String[] row : rows) {
                String body = row[1].replace("{{ticket.id}}", "4711").replace("{{ticket.assignee.name}}", "Agent Li");
                Response r = webhook.post("/api/v1/events", "application/json", body);
                assertEquals(201, r.status(), row[0] + ": " + r.text());
                assertEquals(row[0], r.json().get("outcome").asText());
                assertEquals("4711", r.json().get("ticketId").asText());
                assertEquals("zendesk", r.json().get("helpdesk").asText());
            }
        }
    }
}
