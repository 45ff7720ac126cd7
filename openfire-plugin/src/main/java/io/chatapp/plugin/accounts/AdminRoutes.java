package io.chatapp.plugin.accounts;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.auth.AccessToken;
import io.chatapp.plugin.auth.ProtectedRoute;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Administration of accounts, for callers with the {@code admin} role: list and search, show, disable, enable,
 * delete, and force logout. Every route answers 403 to other callers.
 */
public final class AdminRoutes {

    private static final String ADMIN = "admin";
    private static final int MAX_PAGE = 200;

    private final AccountService accounts;
    private final TokenService tokens;

    public AdminRoutes(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    public void register(HttpApiServer http) {
        http.route("GET", "/api/v1/admin/users", admin(this::list));
        http.route("GET", "/api/v1/admin/users/{username}", admin((exchange, caller) ->
                HttpResponse.json(200, view(accounts.find(username(exchange))))));
        http.route("DELETE", "/api/v1/admin/users/{username}", admin((exchange, caller) -> {
            accounts.deleteByAdmin(caller.username(), username(exchange));
            return HttpResponse.json(200, Map.of("status", "deleted"));
        }));
        http.route("POST", "/api/v1/admin/users/{username}/disable", admin((exchange, caller) -> {
            String username = username(exchange);
            accounts.disable(caller.username(), username);
            return HttpResponse.json(200, view(accounts.find(username)));
        }));
        http.route("POST", "/api/v1/admin/users/{username}/enable", admin((exchange, caller) -> {
            String username = username(exchange);
            accounts.enable(caller.username(), username);
            return HttpResponse.json(200, view(accounts.find(username)));
        }));
        http.route("POST", "/api/v1/admin/users/{username}/logout", admin((exchange, caller) -> {
            int closed = accounts.forceLogoutByAdmin(caller.username(), username(exchange));
            return HttpResponse.json(200, Map.of("status", "logged_out", "sessions_closed", closed));
        }));
    }

    /** The part of an admin route that runs once the caller is known to be an administrator. */
    @FunctionalInterface
    private interface AdminHandler {
        HttpResponse handle(HttpExchange exchange, AccessToken caller) throws Exception;
    }

    private ProtectedRoute admin(AdminHandler handler) {
        return new ProtectedRoute(tokens, ADMIN, (exchange, caller) -> {
            try {
                return handler.handle(exchange, caller);
            } catch (AccountException e) {
                throw AccountProblems.of(e);
            }
        });
    }

    private HttpResponse list(HttpExchange exchange, AccessToken caller) throws Exception {
        Map<String, String> query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        String search = query.get("q") == null ? null : query.get("q").toLowerCase(Locale.ROOT);
        int offset = QueryParameters.integer(query, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParameters.integer(query, "limit", 50, 1, MAX_PAGE);
        List<Map<String, Object>> users = accounts.list(search, offset, limit).stream().map(AdminRoutes::view)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", users);
        body.put("total", accounts.count(search));
        body.put("offset", offset);
        body.put("limit", limit);
        return HttpResponse.json(200, body);
    }

    /**
     * The canonical name of the account the path names (user name or bare JID, any case); 404 when there is no such
     * account, so no route acts on, or records anything under, a spelling that is not an account's.
     */
    private String username(HttpExchange exchange) throws HttpProblem, AccountException {
        String raw = HttpApiServer.pathParameter(exchange, "username");
        if (raw.length() > UsernamePolicy.MAX_LENGTH * 4) {
            throw new HttpProblem(400, "bad_request", "The user name is too long.");
        }
        return accounts.existingAccount(raw);
    }

    private static Map<String, Object> view(AccountRecord account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("disabled", account.disabled());
        view.put("registered_at", text(account.registeredAt()));
        view.put("last_login_at", text(account.lastLoginAt()));
        view.put("disabled_at", text(account.disabledAt()));
        return view;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
