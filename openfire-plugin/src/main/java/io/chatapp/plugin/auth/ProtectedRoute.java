package io.chatapp.plugin.auth;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.HttpRoute;
import io.chatapp.plugin.http.JsonRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route that needs a valid access token with a role: 401 with a {@code WWW-Authenticate} challenge when the token
 * is missing or invalid (RFC 6750), 403 when it lacks the role.
 */
public final class ProtectedRoute implements HttpRoute {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectedRoute.class);

    /** The part of a protected route that runs once the caller is known. */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpExchange exchange, AccessToken caller) throws Exception;
    }

    private final TokenService tokens;
    private final String role;
    private final Handler handler;

    public ProtectedRoute(TokenService tokens, String role, Handler handler) {
        this.tokens = tokens;
        this.role = role;
        this.handler = handler;
    }

    @Override
    public HttpResponse handle(HttpExchange exchange) throws Exception {
        String bearer = JsonRequests.bearerToken(exchange);
        if (bearer == null) {
            throw HttpProblem.unauthorized("unauthorized", "This request needs an access token (Authorization: Bearer).");
        }
        AccessToken caller;
        try {
            caller = tokens.verify(bearer);
        } catch (TokenRejectedException e) {
            LOG.debug("Access token refused on {}: {}", exchange.getRequestURI().getPath(), e.getMessage());
            throw HttpProblem.unauthorized("invalid_token", "The access token is not valid; refresh it or log in.");
        }
        if (!caller.hasRole(role)) {
            throw new HttpProblem(403, "forbidden", "This request needs the " + role + " role.");
        }
        return handler.handle(exchange, caller);
    }
}
