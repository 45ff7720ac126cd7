package io.chatapp.s3test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The test server starts answering S3 requests, and no process outlives it or its parent. */
class S3ProxyServerTest {

    @Test
    void answersS3RequestsAndRefusesUnsignedOnes() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.accessKey()).isNotBlank().isNotEqualTo(server.secretKey());

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.endpoint().resolve("/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).as("credentials are required").isEqualTo(403);
        }
    }

    @Test
    void twoServersGetTheirOwnPortsAndCredentials() throws Exception {
        try (S3ProxyServer first = S3ProxyServer.start(); S3ProxyServer second = S3ProxyServer.start()) {
            assertThat(first.endpoint()).isNotEqualTo(second.endpoint());
            assertThat(first.secretKey()).isNotEqualTo(second.secretKey());
        }
    }

    @Test
    void closeStopsTheChildJvm() throws Exception {
        S3ProxyServer server = S3ProxyServer.start();
        long pid = server.pid();
        URI endpoint = server.endpoint();

        server.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> connect(endpoint)).isInstanceOf(IOException.class);
    }

    @Test
    void theChildExitsWhenItsParentGoes() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            Optional<ProcessHandle> child = ProcessHandle.of(server.pid());

            server.closeParentPipe();

            assertThat(child).isPresent();
            assertThat(child.get().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    private static void connect(URI endpoint) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1_000);
        }
    }
}
