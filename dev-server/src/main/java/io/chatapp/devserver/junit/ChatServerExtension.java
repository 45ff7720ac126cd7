package io.chatapp.devserver.junit;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import io.chatapp.devserver.OpenfireTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a running dev server (real Openfire + chat-app plugin + embedded PostgreSQL) and fresh users.
 * Test methods and constructors may declare {@link DevServer} and {@link TestUsers} parameters.
 *
 * <p>The server is started once per JVM and stopped when the JVM's tests end: Openfire is a JVM-wide singleton, so
 * run each test class that uses this extension in its own forked JVM (Surefire {@code reuseForks=false}). Its data
 * lives in a fresh folder under the system property {@code chatapp.test.dir} (default: the temp folder).
 *
 * <p>Which Openfire: the system property {@code chatapp.openfire.target} ({@link OpenfireTarget}), {@code 4.2} (the
 * default: Openfire 4.2.0 in this JVM) or {@code 5.2} (Openfire 5.2 from its distribution, in a process of its own
 * that ends with this JVM). {@link DevServer#chatAppPlugin()} and {@link DevServer#restartPluginInPlace()} need the
 * in-process 4.2 target.
 *
 * <p>A test class that needs particular server settings registers the extension itself:
 * {@code @RegisterExtension static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(...))}.
 */
public final class ChatServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ChatServerExtension.class);

    private final Map<String, String> properties;
    private final boolean plugin;

    /** The server with the dev server's default settings (for {@code @ExtendWith}). */
    public ChatServerExtension() {
        this(Map.of(), true);
    }

    private ChatServerExtension(Map<String, String> properties, boolean plugin) {
        this.properties = Map.copyOf(properties);
        this.plugin = plugin;
    }

    /** The server with further Openfire system properties, e.g. {@code chatapp.*} plugin settings. */
    public static ChatServerExtension withProperties(Map<String, String> properties) {
        return new ChatServerExtension(properties, true);
    }

    /** Plain Openfire (of the chosen target) without the chat-app plugin: for tests of our clients against standard services. */
    public static ChatServerExtension withoutPlugin() {
        return new ChatServerExtension(Map.of(), false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DevServer.class || type == TestUsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer running = running(context);
        return parameter.getParameter().getType() == DevServer.class ? running.server : running.users;
    }

    private RunningServer running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningServer.class, key -> RunningServer.start(properties, plugin),
                        RunningServer.class);
    }

    /** Stored in the root context so JUnit closes it after the last test of the JVM. */
    private static final class RunningServer implements ExtensionContext.Store.CloseableResource {

        private final DevServer server;
        private final TestUsers users;

        private RunningServer(DevServer server) {
            this.server = server;
            this.users = new TestUsers(server);
        }

        static RunningServer start(Map<String, String> properties, boolean plugin) {
            try {
                Path base = Path.of(System.getProperty("chatapp.test.dir", System.getProperty("java.io.tmpdir")));
                Files.createDirectories(base);
                Path data = Files.createTempDirectory(base, "server-");
                return new RunningServer(DevServer.start(DevServerConfig.forTests(data).withProperties(properties)
                        .withPlugin(plugin), OpenfireTarget.fromSystemProperty()));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the dev server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the dev server", e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
