package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slow-client attack of issues 12 and 15 against the plugin in a real Openfire: 200 sockets (from four loopback
 * addresses, 50 each, under the per-address limit of 128) each trickling one header byte a second. With the default
 * limits, /health keeps answering within a second throughout, and each trickler is disconnected at the header
 * deadline (chatapp.http.headerTimeoutSeconds, 10 s).
 */
@ExtendWith(ChatServerExtension.class)
class HttpFloodTest {

    private static final int TRICKLERS = 200;
    private static final int ADDRESSES = 4;
    private static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
    private static final byte[] REQUEST = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: slowly\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Test
    void tricklingClientsDoNotTakeTheApiDownAndAreDisconnected(DevServer server) throws Exception {
        URI health = server.pluginHttpUri().resolve("health");
        List<Socket> tricklers = new ArrayList<>();
        try {
            // From other loopback addresses than the probes: the tricklers are four clients, /health another.
            for (int i = 0; i < TRICKLERS; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + i % ADDRESSES)), 0));
                socket.connect(new InetSocketAddress(health.getHost(), health.getPort()), 2_000);
                tricklers.add(socket);
            }
            long started = System.nanoTime();
            List<Socket> open = new ArrayList<>(tricklers);
            for (int second = 0; !open.isEmpty(); second++) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("tricklers still connected")
                        .isLessThan(HEADER_DEADLINE.plusSeconds(3));
                int offset = second;
                open.removeIf(socket -> !sendByte(socket, REQUEST[offset % REQUEST.length]));
                assertHealthAnswersWithinASecond(health);
                Thread.sleep(500);
                assertHealthAnswersWithinASecond(health);
                Thread.sleep(500);
            }
            for (Socket socket : tricklers) {
                assertThat(closedByServer(socket)).as("trickler disconnected").isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(HEADER_DEADLINE.minusSeconds(2));
        } finally {
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
    }

    private void assertHealthAnswersWithinASecond(URI health) throws Exception {
        long asked = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
    }

    /** Sends one byte; false once the server has closed the connection (the write fails or it reads end). */
    private static boolean sendByte(Socket socket, byte value) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(value);
            out.flush();
            return !closedByServer(socket, 1);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        return closedByServer(socket, 3_000);
    }

    private static boolean closedByServer(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
