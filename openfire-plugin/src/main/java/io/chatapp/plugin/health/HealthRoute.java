package io.chatapp.plugin.health;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.HttpRoute;
import io.chatapp.plugin.storage.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the plugin version and whether its database answers. 200 when healthy, 503 when the
 * database is unreachable, so load balancers and monitors can use the status alone.
 */
public final class HealthRoute implements HttpRoute {

    private final String version;
    private final String nodeId;
    private final Database database;

    public HealthRoute(String version, String nodeId, Database database) {
        this.version = version;
        this.nodeId = nodeId;
        this.database = database;
    }

    @Override
    public HttpResponse handle(HttpExchange exchange) {
        long started = System.nanoTime();
        boolean reachable = database.isReachable(2);
        long latencyMicros = (System.nanoTime() - started) / 1_000;

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("reachable", reachable);
        db.put("latencyMicros", latencyMicros);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reachable ? "ok" : "degraded");
        body.put("version", version);
        body.put("node", nodeId);
        body.put("database", db);
        return HttpResponse.json(reachable ? 200 : 503, body);
    }
}
