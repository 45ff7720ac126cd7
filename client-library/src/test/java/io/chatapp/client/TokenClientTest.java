package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chatapp.client.ChatClientException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the token API against a local stand-in server: requests sent, answers and failures read. */
class TokenClientTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String TOKENS = "{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":900,"
            + "\"refresh_token\":\"r2\",\"refresh_expires_in\":2592000,\"roles\":[\"user\"]}";

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = TOKENS;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private TokenClient client(String path) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        ChatClientConfig config = ChatClientConfig.builder("example.org").apiBaseUrl(base)
                .replyTimeout(Duration.ofSeconds(5)).build();
        return TokenClient.create(config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void obtainTokensPostsTheCredentialsAsJsonOnce() {
        TokenSet tokens = client("").obtainTokens("alice", "p\"w").join();

        assertThat(tokens).isEqualTo(new TokenSet("a.b.c", NOW.plusSeconds(900), "r2", NOW.plusSeconds(2592000)));
        assertThat(requests).containsExactly("POST /api/v1/auth/token application/json null "
                + "{\"username\":\"alice\",\"password\":\"p\\\"w\"}");
    }

    @Test
    void routesResolveBelowABasePath() {
        client("/chat").refresh(TestTokens.tokens("r1", NOW)).join();

        assertThat(requests).singleElement().asString()
                .startsWith("POST /chat/api/v1/auth/refresh ").endsWith("{\"refresh_token\":\"r1\"}");
    }

    @Test
    void logoutSendsTheRefreshTokenAndTheAccessTokenAsBearer() {
        answer = "{\"status\":\"logged_out\"}";
        TokenSet tokens = new TokenSet("acc.ess.token", NOW, "r1", NOW);

        client("/").logout(tokens).join();

        assertThat(requests).containsExactly("POST /api/v1/auth/logout application/json Bearer acc.ess.token "
                + "{\"refresh_token\":\"r1\"}");
    }

    @Test
    void wrongCredentialsAndARefusedRefreshTokenHaveTheirOwnReasons() {
        status = 401;
        answer = "{\"error\":\"invalid_grant\",\"message\":\"Wrong user name or password.\"}";

        assertThat(reasonOf(client("").obtainTokens("alice", "wrong"))).isEqualTo(Reason.NOT_AUTHORIZED);
        assertThat(reasonOf(client("").refresh(TestTokens.tokens("used", NOW)))).isEqualTo(Reason.SESSION_EXPIRED);
    }

    @Test
    void otherAnswersAreServerErrorsOrInvalidInput() {
        status = 400;
        answer = "{\"error\":\"bad_request\",\"message\":\"Missing field: username\"}";
        assertThatThrownBy(() -> client("").obtainTokens("alice", "pw").join()).cause()
                .hasMessageContaining("Missing field: username");
        assertThat(reasonOf(client("").obtainTokens("alice", "pw"))).isEqualTo(Reason.INVALID_INPUT);

        status = 404;
        answer = "<html>not here</html>";
        assertThat(reasonOf(client("").obtainTokens("alice", "pw"))).isEqualTo(Reason.SERVER_ERROR);

        status = 200;
        answer = "{\"access_token\":\"a\"}";
        assertThat(reasonOf(client("").refresh(TestTokens.tokens("r", NOW)))).isEqualTo(Reason.SERVER_ERROR);
    }

    @Test
    void anUnreachableServerIsANetworkFailure() {
        server.stop(0);
        assertThat(reasonOf(client("").obtainTokens("alice", "pw"))).isEqualTo(Reason.NETWORK);
    }

    @Test
    void emptyCredentialsAreNotSent() {
        assertThat(reasonOf(client("").obtainTokens("alice", ""))).isEqualTo(Reason.INVALID_INPUT);
        assertThat(requests).isEmpty();
    }

    @Test
    void withoutAnApiUrlThereIsNoTokenClient() {
        assertThatThrownBy(() -> TokenClient.create(ChatClientConfig.builder("example.org").build()))
                .isInstanceOfSatisfying(ChatClientException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
    }

    private static Reason reasonOf(CompletableFuture<?> request) {
        try {
            request.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(ChatClientException.class);
            return ((ChatClientException) e.getCause()).reason();
        }
    }
}
