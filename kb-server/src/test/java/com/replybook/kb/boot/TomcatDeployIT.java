package com.replybook.kb.boot;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.HostileRequests;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same WAR deployed into a real Tomcat 10.1 (Debian's {@code tomcat10-common}, installed by {@code .ci/run}),
 * configured through {@code REPLYBOOK_*} environment variables as the README describes.
 */
class TomcatDeployIT {

    static final Path CATALINA_HOME = Path.of("/usr/share/tomcat10");
    static final String TOKEN = "rb_tomcat_test_admin_token_0123456789";

    @TempDir
    Path base;

    @Test
    void warDeploysIntoTomcatAndServesTheApi() throws Exception {
        assertTrue(Files.exists(CATALINA_HOME.resolve("bin/catalina.sh")),
                "Tomcat 10.1 is missing: apt-get install tomcat10-common (.ci/run does)");
        int port = freePort();
        writeCatalinaBase(port);
        ProcessBuilder pb = new ProcessBuilder(CATALINA_HOME.resolve("bin/catalina.sh").toString(), "run")
                .redirectErrorStream(true).redirectOutput(base.resolve("catalina.out").toFile());
        pb.environment().put("CATALINA_HOME", CATALINA_HOME.toString());
        pb.environment().put("CATALINA_BASE", base.toString());
        pb.environment().put("JAVA_HOME", Path.of(WarProcess.javaBinaryPath()).getParent().getParent().toString());
        pb.environment().put("CATALINA_OPTS", "--enable-native-access=ALL-UNNAMED -Xmx768m");
        pb.environment().put("REPLYBOOK_DATA_DIR", base.resolve("data").toString());
        pb.environment().put("REPLYBOOK_ADMIN_TOKEN", TOKEN);
        Process tomcat = pb.start();
        try {
            URI root = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(root, tomcat);
            ApiClient admin = new ApiClient(root, TOKEN);
            assertEquals("admin", admin.get("/api/v1/me").json().get("role").asText());
            assertTrue(admin.get("/api/v1/entries").json().get("total").asInt() >= 30);
            HttpResponse<String> bootstrap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    root.resolve("/com/replybook/kb/boot/Main.class")).build(), HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, bootstrap.statusCode(), "Tomcat serves the bootstrap classes");
            HttpResponse<String> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    root.resolve("/console/signin")).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.startsWith("RBSESSION=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                    "console session cookie under Tomcat: " + cookie);
            String entryId = admin.get("/api/v1/entries?pageSize=1").json().path("items").get(0).path("id").asText();
            List<String> leaks = HostileRequests.against(root, TOKEN, HostileRequests.pathParameters(entryId, "admin"))
                    .all(Duration.ofSeconds(20)); // the connector's timeout, 3 s, ends the stalled bodies
            assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
        } finally {
            tomcat.destroy();
            tomcat.waitFor();
        }
    }

    private void writeCatalinaBase(int port) throws IOException {
        for (String d : new String[]{"conf", "webapps", "logs", "temp", "work"}) Files.createDirectories(base.resolve(d));
        Files.writeString(base.resolve("conf/server.xml"), """
                <Server port="-1" shutdown="SHUTDOWN">
                  <Service name="Catalina">
                    <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="3000"/>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
                        <!-- As the README asks: what Tomcat refuses before the application sees it names no version. -->
                        <Valve className="org.apache.catalina.valves.ErrorReportValve" showReport="false" showServerInfo="false"/>
                      </Host>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(port));
        // The container-wide defaults an installed Tomcat has: the default servlet for static resources.
        Files.writeString(base.resolve("conf/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet>
                    <servlet-name>default</servlet-name>
                    <servlet-class>org.apache.catalina.servlets.DefaultServlet</servlet-class>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                  <servlet-mapping><servlet-name>default</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
                </web-app>
                """);
        Files.copy(WarProcess.war(), base.resolve("webapps/ROOT.war"));
    }

    private void awaitHealthy(URI root, Process tomcat) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && tomcat.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(root.resolve("/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // Tomcat is still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Tomcat did not serve a healthy Replybook:\n" + Files.readString(base.resolve("catalina.out")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
