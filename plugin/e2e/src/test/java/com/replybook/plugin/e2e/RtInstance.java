package com.replybook.plugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An isolated Request Tracker 5 (Debian's {@code request-tracker5}) on a loopback port: its own site config,
 * SQLite database and Mason folders in a temp dir, with RT::Extension::Replybook loaded from the build
 * and pointed at a kb-server. Nothing is written outside the temp dir.
 */
final class RtInstance implements AutoCloseable {
    static final String ROOT_PASSWORD = "password";
    static final Path RT_SERVER = Path.of("/usr/share/request-tracker5/libexec/rt-server");
    static final Path SETUP = Path.of("/usr/sbin/rt-setup-database-5");

    final String url;
    final Path dir;
    private final Process process;

    private RtInstance(String url, Path dir, Process process) {
        this.url = url;
        this.dir = dir;
        this.process = process;
    }

    /** True when the Debian packages that .ci/run installs are present. */
    static boolean installed() {
        return Files.isExecutable(RT_SERVER) && Files.isExecutable(SETUP);
    }

    /** The log of the instance {@link #start} runs in {@code work}: known before it starts, to report a failed start. */
    static Path logFile(Path work) {
        return work.resolve("rt").resolve("rt-server.log");
    }

    static RtInstance start(Path work, String kbUrl, String kbToken) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(logFile(work).getParent());
        Path extension = Path.of(System.getProperty("replybook.rt.extension",
                "../request-tracker/target/RT-Extension-Replybook")).toAbsolutePath();
        if (!Files.isDirectory(extension)) throw new IllegalStateException("package the RT extension first: no " + extension);
        Files.createDirectories(dir.resolve("plugins"));
        Files.createDirectories(dir.resolve("siteconfig.d"));
        Files.createDirectories(dir.resolve("mason-data"));
        Files.createDirectories(dir.resolve("mason-sessions"));
        Files.deleteIfExists(dir.resolve("plugins/RT-Extension-Replybook"));
        Files.createSymbolicLink(dir.resolve("plugins/RT-Extension-Replybook"), extension);
        int port = Http.freePort();
        Files.writeString(dir.resolve("RT_SiteConfig.pm"), siteConfig(dir, port, kbUrl, kbToken));
        Files.writeString(dir.resolve("root-password"), ROOT_PASSWORD);
        Files.writeString(dir.resolve("acl.pl"), """
                # a second queue, for the shop Tmall ($ReplybookShops)
                @Queues = ({ Name => 'Tmall', Description => 'Tmall flagship store' });
                # customers write in by email, as in production
                @ACL = map { my $right = $_; map { { GroupDomain => 'SystemInternal', GroupType => 'Everyone',
                    Right => $right, Queue => $_ } } qw(General Tmall) } qw(CreateTicket ReplyToTicket);
                # the ticket's product, named by $ReplybookProductField
                @CustomFields = ({ Name => 'Product', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket',
                    Queue => 'General' },
                    # the customer's rating, named by $ReplybookSatisfaction (ticket loop: outcome events)
                    { Name => 'Satisfaction', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket',
                    Queue => 'General' });
                1;
                """);
        run(dir, List.of(SETUP.toString(), "--action", "init", "--skip-create",
                "--root-password-file", dir.resolve("root-password").toString()));
        run(dir, List.of(SETUP.toString(), "--action", "insert", "--skip-create", "--datafile", dir.resolve("acl.pl").toString()));
        // the extension's scrip (outcome events), as its README says to install it
        run(dir, List.of(SETUP.toString(), "--action", "insert", "--skip-create", "--datafile",
                extension.resolve("etc/initialdata").toString()));
        ProcessBuilder pb = new ProcessBuilder(RT_SERVER.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--max-workers", "2").redirectErrorStream(true).redirectOutput(logFile(work).toFile());
        env(pb, dir);
        RtInstance rt = new RtInstance("http://127.0.0.1:" + port, dir, pb.start());
        try {
            Http.await(Duration.ofSeconds(60), "RT to answer", () -> {
                if (!rt.process.isAlive()) throw new IllegalStateException("rt-server exited:\n" + rt.logText());
                return Http.answers(rt.url + "/NoAuth/Login.html");
            });
        } catch (RuntimeException e) {
            rt.close();
            throw e;
        }
        return rt;
    }

    private static String siteConfig(Path dir, int port, String kbUrl, String kbToken) {
        return """
                Set($rtname, 'replybook-e2e');
                Set($Organization, 'replybook.test');
                Set($WebDomain, '127.0.0.1');
                Set($WebPort, %d);
                Set($WebPath, '');
                Set($DatabaseType, 'SQLite');
                Set($DatabaseName, '%s');
                Set($MailCommand, 'testfile');
                Set($MasonDataDir, '%s');
                Set($MasonSessionDir, '%s');
                Set($LogToSTDERR, 'warning');
                Set($LogToSyslog, undef);
                # load the extension from the build instead of /usr/local/share/request-tracker5/plugins
                $RT::LocalPluginPath = '%s';
                Plugin('RT::Extension::Replybook');
                Set($ReplybookUrl, '%s');
                Set($ReplybookToken, '%s');
                Set($ReplybookShopName, 'Replybook Demo Shop');
                Set($ReplybookShops, { 'Tmall' => 'tmall' });
                Set($ReplybookProductField, 'Product');
                Set($ReplybookSatisfaction, { Field => 'Satisfaction', Scale => 5, SatisfiedFrom => 4 });
                1;
                """.formatted(port, dir.resolve("rt.db"), dir.resolve("mason-data"), dir.resolve("mason-sessions"),
                dir.resolve("plugins"), kbUrl, kbToken);
    }

    private static void env(ProcessBuilder pb, Path dir) {
        pb.environment().put("RT_SITE_CONFIG", dir.resolve("RT_SiteConfig.pm").toString());
        pb.environment().put("RT_SITE_CONFIG_DIR", dir.resolve("siteconfig.d").toString());
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("setup.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        env(pb, dir);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    /** A customer writes in by email to queue General; returns the ticket id. */
    long mailFromCustomer(String name, String email, String subject, String body) {
        return mailFromCustomer("General", name, email, subject, body);
    }

    /** A customer writes in by email to {@code queue} (through RT's mail gateway, as rt-mailgate would); returns the ticket id. */
    long mailFromCustomer(String queue, String name, String email, String subject, String body) {
        String message = "From: " + mime(name) + " <" + email + ">\n"
                + "To: support@replybook.test\nSubject: " + mime(subject) + "\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body + "\n";
        String form = form(Map.of("queue", queue, "action", "correspond", "message", message));
        String res = Http.send(HttpRequest.newBuilder(URI.create(url + "/REST/1.0/NoAuth/mail-gateway"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).body();
        if (!res.startsWith("ok")) throw new IllegalStateException("mail gateway: " + res + "\n" + logText());
        JsonNode tickets = rest("/tickets?query=" + URLEncoder.encode("Requestor = '" + email + "'", StandardCharsets.UTF_8)
                + "&orderby=id&order=DESC");
        return tickets.get("items").get(0).get("id").asLong();
    }

    /** Sets the ticket's custom field {@code field} to {@code value}, as root through REST2. */
    void setCustomField(long ticket, String field, String value) {
        String body = "{\"CustomFields\":{\"" + field + "\":\"" + value + "\"}}";
        var res = Http.send(HttpRequest.newBuilder(URI.create(url + "/REST/2.0/ticket/" + ticket))
                .header("Authorization", "Basic " + rootAuth()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        if (res.statusCode() != 200) throw new IllegalStateException("REST2 set " + field + ": " + res.statusCode() + " " + res.body());
    }

    /** Sets the ticket's status (e.g. {@code resolved}, {@code open}) as root through REST2. */
    void setStatus(long ticket, String status) {
        var res = Http.send(HttpRequest.newBuilder(URI.create(url + "/REST/2.0/ticket/" + ticket))
                .header("Authorization", "Basic " + rootAuth()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Status\":\"" + status + "\"}", StandardCharsets.UTF_8)).build());
        if (res.statusCode() != 200) throw new IllegalStateException("REST2 set Status: " + res.statusCode() + " " + res.body());
    }

    /** The reminders on the ticket (RT tickets of type reminder that refer to it), with Subject, Status, Due, Owner. */
    JsonNode reminders(long ticket) {
        String query = "Type = 'reminder' AND RefersTo = " + ticket;
        return rest("/tickets?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&fields=Subject,Status,Due,Owner").get("items");
    }

    private static String rootAuth() {
        return Base64.getEncoder().encodeToString(("root:" + ROOT_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** GET on REST2 as root. */
    JsonNode rest(String path) {
        String full = path.startsWith("http") ? path : url + "/REST/2.0" + path;
        return Http.json(Http.send(HttpRequest.newBuilder(URI.create(full)).header("Authorization", "Basic " + rootAuth()).build()));
    }

    /** The decoded text of every attachment of the ticket's Correspond transactions, oldest first. */
    List<String> correspondence(long ticket) {
        JsonNode history = rest("/ticket/" + ticket + "/history?per_page=100&fields=Type");
        return java.util.stream.StreamSupport.stream(history.get("items").spliterator(), false)
                .filter(t -> "Correspond".equals(t.path("Type").asText()))
                .flatMap(t -> java.util.stream.StreamSupport.stream(
                        rest("/transaction/" + t.get("id").asText() + "/attachments").get("items").spliterator(), false))
                .map(a -> rest("/attachment/" + a.get("id").asText())) // only the single resource base64-encodes Content
                .filter(a -> a.path("Content").asText().length() > 0)
                .map(a -> new String(Base64.getMimeDecoder().decode(a.get("Content").asText()), StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    private static String mime(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    String logText() {
        try {
            return Files.readString(dir.resolve("rt-server.log"));
        } catch (IOException e) {
            return "(no RT log: " + e + ")";
        }
    }

    /** SIGTERM by PID: SIGINT as root would chown Debian's /var/lib/request-tracker5. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
