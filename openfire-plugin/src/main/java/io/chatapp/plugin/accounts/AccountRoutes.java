package io.chatapp.plugin.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.auth.AccessToken;
import io.chatapp.plugin.auth.ProtectedRoute;
import io.chatapp.plugin.auth.TokenRoutes;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.JsonRequests;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accounts over HTTP for their owners: {@code POST /api/v1/accounts} (register), {@code POST /api/v1/me/password},
 * {@code DELETE /api/v1/me} and {@code POST /api/v1/auth/logout-all}.
 */
public final class AccountRoutes {

    private final AccountService accounts;
    private final TokenService tokens;
    private final JsonRequests json;
    private final String domain;

    public AccountRoutes(AccountService accounts, TokenService tokens, JsonRequests json, String domain) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.json = json;
        this.domain = domain;
    }

    public void register(HttpApiServer http) {
        http.route("POST", "/api/v1/accounts", this::createAccount);
        http.route("POST", "/api/v1/me/password", new ProtectedRoute(tokens, "user", this::changePassword));
        http.route("DELETE", "/api/v1/me", new ProtectedRoute(tokens, "user", this::deleteAccount));
        http.route("POST", "/api/v1/auth/logout-all", new ProtectedRoute(tokens, "user", this::logoutEverywhere));
    }

    private HttpResponse createAccount(HttpExchange exchange) throws Exception {
        JsonNode body = json.object(exchange);
        String username = JsonRequests.requiredText(body, "username");
        String password = JsonRequests.requiredText(body, "password");
        try {
            String created = accounts.register(username, password, JsonRequests.clientAddress(exchange));
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("username", created);
            response.put("jid", created + "@" + domain);
            return HttpResponse.json(201, response).withHeader("Location", "/api/v1/me");
        } catch (AccountException e) {
            throw AccountProblems.of(e);
        }
    }

    private HttpResponse changePassword(HttpExchange exchange, AccessToken caller) throws Exception {
        JsonNode body = json.object(exchange);
        String current = JsonRequests.requiredText(body, "current_password");
        String next = JsonRequests.requiredText(body, "new_password");
        try {
            return TokenRoutes.issued(accounts.changePassword(caller.username(), current, next,
                    JsonRequests.clientAddress(exchange)));
        } catch (AccountException e) {
            throw AccountProblems.of(e);
        }
    }

    private HttpResponse deleteAccount(HttpExchange exchange, AccessToken caller) throws Exception {
        String password = JsonRequests.requiredText(json.object(exchange), "password");
        try {
            accounts.deleteOwnAccount(caller.username(), password, JsonRequests.clientAddress(exchange));
            return HttpResponse.json(200, Map.of("status", "deleted"));
        } catch (AccountException e) {
            throw AccountProblems.of(e);
        }
    }

    /** Every device of the caller is logged out: all tokens, all XMPP sessions. */
    private HttpResponse logoutEverywhere(HttpExchange exchange, AccessToken caller) throws Exception {
        int closed = accounts.forceLogout(caller.username());
        return HttpResponse.json(200, Map.of("status", "logged_out", "sessions_closed", closed));
    }

}
