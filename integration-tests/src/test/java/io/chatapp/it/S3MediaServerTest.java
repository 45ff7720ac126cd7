package io.chatapp.it;

import io.chatapp.s3test.S3ProxyExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same media tests with the bytes in S3-compatible object storage (a real S3Proxy in a JVM of its own). */
class S3MediaServerTest extends MediaServerTest {

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.startedNow();

    @Override
    protected Map<String, String> serverProperties() {
        return S3.chatAppProperties("media-it");
    }
}
