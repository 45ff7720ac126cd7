package io.chatapp.s3test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for one test class:
 * {@code @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();}. Started before the class's
 * first test on a free port with random credentials and no bucket, stopped (child JVM gone, files removed) after its
 * last test, whether the tests passed or not.
 *
 * <p>When another extension needs the address while it is being built, e.g. a chat server whose media go to S3,
 * start it at once with {@link #startedNow()}:
 * {@code static final S3ProxyExtension S3 = S3ProxyExtension.startedNow();
 * static final ChatServerExtension SERVER = ChatServerExtension.withProperties(S3.chatAppProperties("media"));}.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {

    private S3ProxyServer server;

    /** Started in {@code beforeAll}. */
    public S3ProxyExtension() {
    }

    /** Started now, so that its address and keys can configure what the class builds next; stopped in afterAll. */
    public static S3ProxyExtension startedNow() {
        S3ProxyExtension extension = new S3ProxyExtension();
        try {
            extension.server = S3ProxyServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        }
        return extension;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server == null) {
            server = S3ProxyServer.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public S3ProxyServer server() {
        if (server == null) {
            throw new IllegalStateException("S3ProxyExtension is only running between beforeAll and afterAll;"
                    + " register it on a static field");
        }
        return server;
    }

    public URI endpoint() {
        return server().endpoint();
    }

    public String accessKey() {
        return server().accessKey();
    }

    public String secretKey() {
        return server().secretKey();
    }

    /** The plugin's settings (docs/configuration.md) that keep its media in this server, in the given bucket. */
    public Map<String, String> chatAppProperties(String bucket) {
        return Map.of(
                "chatapp.media.store", "s3",
                "chatapp.media.s3.endpoint", endpoint().toString(),
                "chatapp.media.s3.accessKey", accessKey(),
                "chatapp.media.s3.secretKey", secretKey(),
                "chatapp.media.s3.bucket", bucket);
    }
}
