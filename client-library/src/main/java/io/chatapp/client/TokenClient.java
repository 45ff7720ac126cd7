package io.chatapp.client;

import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.internal.HttpFailures;
import io.chatapp.client.internal.Json;
import io.chatapp.client.internal.TokenResponses;
import io.chatapp.client.internal.TrustManagers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The server's token API over HTTP ({@code /api/v1/auth/*}): trade a user name and password for tokens, refresh
 * them, and log out. The password is sent once, to get tokens; apps keep the {@link TokenSet} instead. Needs
 * {@link ChatClientConfig#apiBaseUrl()}. Requests fail with {@link ChatClientException}: wrong credentials with
 * {@link Reason#NOT_AUTHORIZED}, a refused refresh token with {@link Reason#SESSION_EXPIRED}.
 *
 * <pre>{@code
 * TokenClient api = TokenClient.create(config);
 * TokenSet tokens = api.obtainTokens("alice", password).join();   // store them, forget the password
 * }</pre>
 */
public final class TokenClient {

    private static final String JSON = "application/json";

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    private TokenClient(URI baseUrl, HttpClient http, Duration timeout, Clock clock) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A token client for the configuration's {@link ChatClientConfig#apiBaseUrl() API}. */
    public static TokenClient create(ChatClientConfig config) {
        return create(config, Clock.systemUTC());
    }

    static TokenClient create(ChatClientConfig config, Clock clock) {
        URI baseUrl = config.apiBaseUrl().orElseThrow(() -> new ChatClientException(Reason.INVALID_INPUT,
                "No API URL configured (ChatClientConfig.Builder.apiBaseUrl)"));
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER) // never repeat a password to another address
                .connectTimeout(config.replyTimeout());
        if (config.trustedCertificate().isPresent()) {
            http.sslContext(TrustManagers.sslContext(config.trustedCertificate().get()));
        }
        return new TokenClient(baseUrl, http.build(), config.replyTimeout(), clock);
    }

    /** The API this client talks to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Logs in with a user name ({@code alice} or {@code alice@domain}) and password and returns fresh tokens. */
    public CompletableFuture<TokenSet> obtainTokens(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return CompletableFuture.failedFuture(new ChatClientException(Reason.INVALID_INPUT,
                    "The user name and the password must not be empty"));
        }
        String body = "{\"username\":" + Json.quote(username.strip()) + ",\"password\":" + Json.quote(password)
                + "}";
        return post("api/v1/auth/token", body, null).thenApply(response -> switch (response.statusCode()) {
            case 200 -> tokens(response);
            case 401 -> throw new ChatClientException(Reason.NOT_AUTHORIZED,
                    "Login failed: wrong user name or password");
            case 429 -> throw lockedOut(response);
            default -> throw unexpected(response);
        });
    }

    /** Too many failed logins: the server says when to try again. */
    private static ChatClientException lockedOut(HttpResponse<String> response) {
        java.util.Optional<String> text = TokenResponses.errorMessage(response.body());
        return new ChatClientException(Reason.LOCKED_OUT, "Login refused: " + text.map(t -> t.isEmpty() ? t
                : Character.toLowerCase(t.charAt(0)) + t.substring(1)).orElse("too many failed logins; try again "
                + "later"), null, text.orElse(null));
    }

    /**
     * Trades the refresh token for new tokens. The old refresh token is used up whatever happens next: store the
     * new set before using it, and never send the same refresh token twice (the server then revokes the login).
     */
    public CompletableFuture<TokenSet> refresh(TokenSet tokens) {
        String body = "{\"refresh_token\":" + Json.quote(tokens.refreshToken()) + "}";
        return post("api/v1/auth/refresh", body, null).thenApply(response -> switch (response.statusCode()) {
            case 200 -> tokens(response);
            case 401 -> throw new ChatClientException(Reason.SESSION_EXPIRED,
                    "The login has expired or was revoked: log in again with the password");
            default -> throw unexpected(response);
        });
    }

    /**
     * Logs out on the server: revokes the refresh token (and every token refreshed from the same login) and the
     * access token. Succeeds also for tokens that are already expired or revoked.
     */
    public CompletableFuture<Void> logout(TokenSet tokens) {
        String body = "{\"refresh_token\":" + Json.quote(tokens.refreshToken()) + "}";
        return post("api/v1/auth/logout", body, tokens.accessToken()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw unexpected(response);
            }
            return null;
        });
    }

    private CompletableFuture<HttpResponse<String>> post(String route, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(route))
                .timeout(timeout)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .exceptionally(failure -> {
                        throw transportFailure(failure);
                    });
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ChatClientException(Reason.INVALID_INPUT,
                    "Invalid API URL " + baseUrl + ": " + e.getMessage(), e));
        }
    }

    private TokenSet tokens(HttpResponse<String> response) {
        try {
            return TokenResponses.tokens(response.body(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ChatClientException(Reason.SERVER_ERROR, "The token API at " + baseUrl
                    + " gave an invalid answer: " + e.getMessage(), e);
        }
    }

    private ChatClientException unexpected(HttpResponse<String> response) {
        int status = response.statusCode();
        String detail = TokenResponses.errorMessage(response.body()).map(message -> ": " + message).orElse("");
        if (status == 400 || status == 413 || status == 415) {
            return new ChatClientException(Reason.INVALID_INPUT, "The server rejected the request" + detail);
        }
        if (status == 404 || status == 405) {
            return new ChatClientException(Reason.SERVER_ERROR, "No token API at " + baseUrl
                    + " (HTTP " + status + "): check the API URL");
        }
        if (status == 503) {
            return new ChatClientException(Reason.SERVER_ERROR, "The server is busy; try again later" + detail);
        }
        return new ChatClientException(Reason.SERVER_ERROR, "The token API answered HTTP " + status + detail);
    }

    private RuntimeException transportFailure(Throwable failure) {
        return HttpFailures.transport(failure, "token API at " + baseUrl);
    }
}
