package io.chatapp.s3test;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for one test class:
 * {@code @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();}. Started before the class's
 * first test on a free port with random credentials and no bucket, stopped (child JVM gone, blobs removed) after its
 * last test, whether the tests passed or not.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {

    private S3ProxyServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = S3ProxyServer.start();
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
}
