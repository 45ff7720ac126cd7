package io.chatapp.plugin.calls;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.auth.ProtectedRoute;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.QueryParameters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token API of the call log (docs/http-api.md): {@code GET /api/v1/calls?max=&after=&before=} pages the bearer's
 * log newest first, {@code POST /api/v1/calls/missed/seen} marks their missed calls seen. The same data as the
 * {@code urn:chatapp:calls:0} IQ.
 */
public final class CallRoutes {

    private static final String BASE = "/api/v1/calls";
    private static final int DEFAULT_MAX = 50;

    private final CallLogService log;
    private final TokenService tokens;

    public CallRoutes(CallLogService log, TokenService tokens) {
        this.log = log;
        this.tokens = tokens;
    }

    public void register(HttpApiServer http) {
        http.route("GET", BASE, new ProtectedRoute(tokens, "user", (exchange, caller) -> page(exchange,
                caller.subject())));
        http.route("POST", BASE + "/missed/seen", new ProtectedRoute(tokens, "user", (exchange, caller) -> {
            log.markMissedSeen(caller.subject());
            return HttpResponse.empty(204);
        }));
    }

    private HttpResponse page(HttpExchange exchange, String user) throws Exception {
        Map<String, String> query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        CallPageRequest request;
        try {
            request = new CallPageRequest(QueryParameters.integer(query, "max", DEFAULT_MAX, 0, Integer.MAX_VALUE),
                    CallPageRequest.cursor(query.get("after")), CallPageRequest.cursor(query.get("before")));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "bad_request", e.getMessage());
        }
        CallPage page = log.page(user, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calls", page.entries().stream().map(CallRoutes::entry).toList());
        body.put("more", page.more());
        body.put("unseenMissed", page.unseenMissed());
        return HttpResponse.json(200, body);
    }

    private static Map<String, Object> entry(CallLogEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(entry.id()));
        json.put("callId", entry.callId());
        json.put("direction", entry.outgoing() ? "outgoing" : "incoming");
        json.put("peer", entry.peer());
        json.put("media", entry.video() ? "video" : "audio");
        json.put("outcome", entry.outcome().wire());
        json.put("proposedAt", text(entry.proposedAt()));
        json.put("answeredAt", text(entry.answeredAt()));
        json.put("endedAt", text(entry.endedAt()));
        json.put("durationSeconds", entry.duration().toSeconds());
        json.put("unseen", entry.unseen());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
