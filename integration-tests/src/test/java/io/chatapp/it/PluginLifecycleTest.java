package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugin as Openfire runs it: loaded from its jar, healthy, and leak-free across destroy and initialize. */
@ExtendWith(ChatServerExtension.class)
class PluginLifecycleTest {

    private final DevServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PluginLifecycleTest(DevServer server) {
        this.server = server;
    }

    @Test
    void healthReportsVersionAndDatabase() throws Exception {
        HttpResponse<String> response = get("health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .contains("\"status\":\"ok\"")
                .containsPattern("\"version\":\"\\d+\\.\\d+\\.\\d+[^\"]*\"")
                .contains("\"reachable\":true");
    }

    @Test
    void unknownRoutesGetAJsonError() throws Exception {
        HttpResponse<String> response = get("no/such/route");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error\":\"not_found\"");
    }

    @Test
    void pluginRunsFromItsOwnJarWithRelocatedDependencies() {
        Class<?> pluginClass = server.chatAppPlugin().getClass();
        assertThat(pluginClass.getName()).isEqualTo("io.chatapp.plugin.openfire.ChatAppPlugin");
        assertThat(pluginClass.getClassLoader().getClass().getName())
                .isEqualTo("org.jivesoftware.openfire.container.PluginClassLoader");
        assertThatThrownBy(() -> Class.forName(pluginClass.getName()))
                .as("the plugin's classes are not on the server's class path")
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(server.openfireHome().resolve("plugins/chatapp/lib/chatapp-plugin.jar")).exists();
    }

    @Test
    void pluginCreatesItsSchemaWithMigrations() throws Exception {
        try (Connection connection = server.connectToDatabase(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM chatapp.schema_version ORDER BY version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        try (Connection connection = server.connectToDatabase(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM chatapp.plugin_node")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void destroyAndInitializeLeakNoThreadOrPort() throws Exception {
        assertThat(get("health").statusCode()).isEqualTo(200);
        Set<String> before = pluginThreads();

        for (int round = 0; round < 3; round++) {
            server.restartPluginInPlace();
            assertThat(get("health").statusCode()).isEqualTo(200);
        }

        assertThat(awaitThreads(before)).as("plugin threads after three restarts").isLessThanOrEqualTo(before.size());
        assertOnePoolAndOneServer();
    }

    /**
     * Exactly one HTTP server selector thread (the plugin's own HTTP server since issue 12; it was the JDK server's
     * dispatcher), one connection pool housekeeper, one scheduler and one SASL provider:
     * nothing left from earlier runs.
     */
    private static void assertOnePoolAndOneServer() {
        assertThat(pluginThreads().stream().filter(name -> name.equals("chatapp-http-selector"))).hasSize(1);
        assertThat(pluginThreads().stream().filter(name -> name.equals("chatapp-db housekeeper"))).hasSize(1);
        assertThat(pluginThreads().stream().filter(name -> name.equals("chatapp-scheduler"))).hasSize(1);
        assertThat(java.security.Security.getProviders()).filteredOn(p -> p.getName().equals("ChatAppTokenSasl"))
                .hasSize(1);
        assertThat(java.security.Security.getProviders()).filteredOn(p -> p.getName().equals("ChatAppLoginGuard"))
                .hasSize(1);
        assertThat(java.security.Security.getProviders()[0].getName()).as("the guard comes first")
                .isEqualTo("ChatAppLoginGuard");
        assertThat(org.jivesoftware.openfire.interceptor.InterceptorManager.getInstance().getInterceptors())
                .filteredOn(i -> i.getClass().getSimpleName().equals("InBandRegistrationGuard")).hasSize(1);
        for (String interceptor : List.of("DisabledAccountEnforcer", "ArchiveInterceptor", "ReceiptInterceptor",
                "ChatStateFilter", "LastSeenInterceptor")) {
            assertThat(org.jivesoftware.openfire.interceptor.InterceptorManager.getInstance().getInterceptors())
                    .as(interceptor).filteredOn(i -> i.getClass().getSimpleName().equals(interceptor)).hasSize(1);
        }
        assertThat(org.jivesoftware.openfire.component.InternalComponentManager.getInstance()
                .hasComponent(new org.xmpp.packet.JID("upload.localhost"))).as("the upload service").isTrue();
        for (String writer : List.of("chatapp-archive-writer", "chatapp-receipts-writer")) {
            assertThat(pluginThreads().stream().filter(name -> name.equals(writer))).as(writer).hasSize(1);
        }
    }

    @Test
    void theUploadServiceGoesAndComesBackWithThePlugin() {
        org.xmpp.packet.JID upload = new org.xmpp.packet.JID("upload." + server.domain());
        org.jivesoftware.openfire.component.InternalComponentManager components =
                org.jivesoftware.openfire.component.InternalComponentManager.getInstance();
        assertThat(components.hasComponent(upload)).isTrue();
        PluginManager manager = XMPPServer.getInstance().getPluginManager();
        Plugin plugin = server.chatAppPlugin();
        plugin.destroyPlugin();
        try {
            assertThat(components.hasComponent(upload)).as("component after unload").isFalse();
        } finally {
            plugin.initializePlugin(manager, manager.getPluginDirectory(plugin));
        }
        assertThat(components.hasComponent(upload)).isTrue();
    }

    @Test
    void openfireReloadingThePluginLeaksNothing() throws Exception {
        Set<String> before = pluginThreads();
        PluginManager plugins = XMPPServer.getInstance().getPluginManager();
        Plugin old = server.chatAppPlugin();
        plugins.reloadPlugin("chatapp");
        // The reload is asynchronous: wait for a new instance (from a new class loader) that is healthy, not for
        // the old one that may still be answering.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (plugins.getPlugin("chatapp") == null || plugins.getPlugin("chatapp") == old
                || !server.pluginIsHealthy()) {
            assertThat(System.nanoTime()).as("plugin came back after reload").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(plugins.getPlugin("chatapp").getClass().getClassLoader())
                .isNotSameAs(old.getClass().getClassLoader());
        assertThat(awaitThreads(before)).isLessThanOrEqualTo(before.size());
        assertOnePoolAndOneServer();
    }

    /** Threads the plugin starts: its HTTP workers and its database pool. */
    private static Set<String> pluginThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("chatapp-") || name.contains("HTTP-Dispatcher"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Thread counts settle a moment after a stop; wait until no more than before remain (or time runs out). */
    private static int awaitThreads(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> now;
        do {
            now = List.copyOf(pluginThreads());
            if (now.size() <= before.size()) {
                return now.size();
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        System.out.println("Plugin threads before: " + before + " after: " + now);
        return now.size();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = server.pluginHttpUri().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
