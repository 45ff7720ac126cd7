package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.s3test.S3ProxyExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The S3 media store as Openfire loads it: from the plugin's jar, with the AWS SDK relocated inside it, through
 * Openfire's plugin class loader, next to Openfire 4.2's own libraries (Jetty 9.2, SLF4J 1.7, its HTTP clients),
 * against a real S3-compatible server. Reflection, because the plugin's classes are not on the test's class path.
 */
class S3StoreInOpenfireTest {

    private static final String BUCKET = "openfire-media";

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.startedNow();

    /** Configured for S3 as an operator would, so that the media service (once there) uses it too. */
    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(S3.chatAppProperties(BUCKET));

    private final ClassLoader plugin;

    S3StoreInOpenfireTest(DevServer server) {
        this.plugin = server.chatAppPlugin().getClass().getClassLoader();
    }

    @Test
    void theRelocatedSdkStoresListsReadsAndDeletesObjects() throws Exception {
        Object store = open(S3.chatAppProperties(BUCKET));
        try {
            byte[] content = "bytes stored from inside Openfire".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            call(store, "put", "files/from-openfire", new ByteArrayInputStream(content), (long) content.length,
                    "text/plain");

            assertThat(call(store, "size", "files/from-openfire")).isEqualTo(Optional.of((long) content.length));
            try (InputStream in = (InputStream) call(store, "get", "files/from-openfire", 6L, 6L)) {
                assertThat(in.readAllBytes()).isEqualTo("stored".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            List<String> keys = new ArrayList<>();
            call(store, "list", "files/", (Consumer<String>) keys::add);
            assertThat(keys).containsExactly("files/from-openfire");

            call(store, "delete", "files/from-openfire");
            assertThat(call(store, "size", "files/from-openfire")).isEqualTo(Optional.empty());
            assertThat(store.getClass().getClassLoader()).isSameAs(plugin);
            assertThat(sdkClassName(store)).startsWith("io.chatapp.plugin.shaded.amazon.awssdk.");
        } finally {
            call(store, "close");
        }
    }

    private Object open(Map<String, String> properties) throws Exception {
        Class<?> settingsSource = plugin.loadClass("io.chatapp.plugin.config.SettingsSource");
        Object source = settingsSource.getMethod("of", Map.class).invoke(null, properties);
        Class<?> s3Settings = plugin.loadClass("io.chatapp.plugin.config.S3Settings");
        Object settings = s3Settings.getMethod("read", settingsSource).invoke(null, source);
        Class<?> store = plugin.loadClass("io.chatapp.plugin.media.S3BlobStore");
        return invoke(store.getMethod("open", s3Settings), null, settings);
    }

    /** The SDK client the store holds, to show that it is the relocated copy. */
    private static String sdkClassName(Object store) throws ReflectiveOperationException {
        var field = store.getClass().getDeclaredField("client");
        field.setAccessible(true);
        return field.get(store).getClass().getName();
    }

    private static Object call(Object store, String name, Object... arguments) throws Exception {
        for (Method method : store.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return invoke(method, store, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
