package io.chatapp.plugin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.JsonRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token API: {@code POST /api/v1/auth/token}, {@code /refresh}, {@code /logout} and
 * {@code GET /.well-known/jwks.json}. Failures say nothing about which check failed (unknown user, wrong password,
 * reused token all look the same to the client); the log says why, never with the secret itself.
 */
public final class TokenRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRoutes.class);

    private final TokenService tokens;
    private final SigningKeys keys;
    private final JsonRequests json;

    public TokenRoutes(TokenService tokens, SigningKeys keys, JsonRequests json) {
        this.tokens = tokens;
        this.keys = keys;
        this.json = json;
    }

    public void register(HttpApiServer http) {
        http.route("POST", "/api/v1/auth/token", this::token);
        http.route("POST", "/api/v1/auth/refresh", this::refresh);
        http.route("POST", "/api/v1/auth/logout", this::logout);
        http.route("GET", "/api/v1/me", new ProtectedRoute(tokens, "user", TokenRoutes::me));
        http.route("GET", "/.well-known/jwks.json", exchange -> HttpResponse.json(200, Map.of("keys", keys.jwks()))
                .withHeader("Cache-Control", "public, max-age=300"));
    }

    private HttpResponse token(HttpExchange exchange) throws Exception {
        JsonNode body = json.object(exchange);
        String username = JsonRequests.requiredText(body, "username");
        String password = JsonRequests.requiredText(body, "password");
        try {
            return issued(tokens.login(username, password, JsonRequests.clientAddress(exchange)));
        } catch (TokenRejectedException e) {
            LOG.info("Token request for '{}' refused: {}", Usernames.forLog(username), e.getMessage());
            throw HttpProblem.unauthorized("invalid_grant", "Wrong user name or password.");
        } catch (LockedOutException e) {
            // Debug only: an attack sends thousands of these, and the failures that caused the lock are logged.
            LOG.debug("Token request for '{}' refused: {}", Usernames.forLog(username), e.getMessage());
            throw HttpProblem.tooManyRequests(e.retryAfterSeconds(), e.userMessage());
        }
    }

    private HttpResponse refresh(HttpExchange exchange) throws Exception {
        String refreshToken = JsonRequests.requiredText(json.object(exchange), "refresh_token");
        try {
            return issued(tokens.refresh(refreshToken));
        } catch (TokenRejectedException e) {
            LOG.info("Refresh refused: {}", e.getMessage());
            throw HttpProblem.unauthorized("invalid_grant", "The refresh token is not valid; log in again.");
        }
    }

    private HttpResponse logout(HttpExchange exchange) throws Exception {
        String refreshToken = JsonRequests.requiredText(json.object(exchange), "refresh_token");
        AccessToken access = null;
        String bearer = JsonRequests.bearerToken(exchange);
        if (bearer != null) {
            try {
                access = tokens.verify(bearer);
            } catch (TokenRejectedException e) {
                // An expired or bad access token does not stop the refresh token from being revoked.
                LOG.debug("Logout with an unusable access token: {}", e.getMessage());
            }
        }
        tokens.logout(refreshToken, access);
        return HttpResponse.json(200, Map.of("status", "logged_out"));
    }

    private static HttpResponse me(HttpExchange exchange, AccessToken caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jid", caller.subject());
        body.put("username", caller.username());
        body.put("roles", caller.roles().stream().sorted().toList());
        body.put("token_expires_at", caller.expiresAt().toString());
        return HttpResponse.json(200, body);
    }

    /** The token response body, shared by every route that hands out tokens. */
    public static HttpResponse issued(TokenPair pair) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", pair.access().token());
        body.put("token_type", "Bearer");
        body.put("expires_in", Math.max(0, Duration.between(Instant.now(), pair.access().expiresAt()).toSeconds()));
        body.put("refresh_token", pair.refreshToken());
        body.put("refresh_expires_in", pair.refreshLifetime().toSeconds());
        body.put("roles", pair.access().roles().stream().sorted().toList());
        return HttpResponse.json(200, body);
    }
}
