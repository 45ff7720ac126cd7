package io.chatapp.plugin.http;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.config.HttpLimits;
import io.chatapp.plugin.storage.DatabaseFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's own HTTP server, on its own port, so that it can never clash with the Jetty inside Openfire (9.2 in
 * 4.2, 10+ in 5.x). Underneath is a small HTTP/1.1 server of the plugin's own ({@link HttpSelector}): one selector
 * thread reads request heads without blocking and holds idle connections, and every client has deadlines (see
 * {@link HttpLimits}), so a slow or silent client holds at most one connection's buffer, never a worker for long.
 * Requests run on a bounded pool of worker threads, never on Openfire's threads; a full queue answers 503 instead
 * of piling up work. Routes see each request as a {@code com.sun.net.httpserver.HttpExchange}.
 */
public final class HttpApiServer implements AutoCloseable {

    /** What a 503 for an unavailable database asks clients to wait, in seconds. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    static final String THREAD_PREFIX = "chatapp-http-";
    private static final int OVERFLOW_QUEUE = 64;

    /** Requests in flight get this long to finish when the server stops. */
    private static final int STOP_GRACE_SECONDS = 5;

    private final HttpSelector selector;
    private final ThreadPoolExecutor workers;
    private final Map<String, Map<String, HttpRoute>> routes = new LinkedHashMap<>();
    private final Map<String, Map<String, HttpRoute>> templates = new LinkedHashMap<>();
    private static final String PATH_PARAMETER = "chatapp.path.";
    private final ThreadPoolExecutor overflow;

    /** A server with the default {@link HttpLimits}. */
    public HttpApiServer(String bindAddress, int port, int threads) throws IOException {
        this(bindAddress, port, threads, HttpLimits.defaults());
    }

    public HttpApiServer(String bindAddress, int port, int threads, HttpLimits limits) throws IOException {
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), DaemonThreads.numbered(THREAD_PREFIX),
                new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
        // When the workers' queue is full, the exchange goes to a single overflow thread that answers 503 without
        // doing the work; if even that backs up, the connection is dropped.
        this.overflow = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(OVERFLOW_QUEUE),
                DaemonThreads.numbered(THREAD_PREFIX + "overflow"), (task, pool) -> ((ExchangeTask) task).abandon());
        this.overflow.allowCoreThreadTimeOut(true);
        this.workers.setRejectedExecutionHandler((task, pool) -> overflow.execute(((ExchangeTask) task).overloaded()));
        this.selector = new HttpSelector(new InetSocketAddress(bindAddress, port), limits,
                exchange -> workers.execute(new ExchangeTask(exchange, false)), THREAD_PREFIX + "selector");
    }

    /** One exchange for a worker; on the overflow thread it is answered 503 without running its route. */
    private final class ExchangeTask implements Runnable {

        private final ServerExchange exchange;
        private final boolean overloaded;

        ExchangeTask(ServerExchange exchange, boolean overloaded) {
            this.exchange = exchange;
            this.overloaded = overloaded;
        }

        ExchangeTask overloaded() {
            return new ExchangeTask(exchange, true);
        }

        /** No thread could take it: the connection is closed unanswered. */
        void abandon() {
            exchange.abandon();
        }

        @Override
        public void run() {
            dispatch(exchange, overloaded);
        }
    }

    /**
     * Registers a route; call before {@link #start()}. Routes are read-only once the server runs. A path segment
     * written {@code {name}} matches any one non-empty segment, which the route reads with {@link #pathParameter}.
     */
    public HttpApiServer route(String method, String path, HttpRoute route) {
        if (path.contains("{")) {
            templates.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
        } else {
            routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, route);
        }
        return this;
    }

    /**
     * Every route, as {@code "METHOD /path"} (templates with their {@code {name}} segments), sorted: what the
     * authorisation sweep (integration tests) checks it has a case for, so a new route cannot go untested.
     */
    public List<String> routeTable() {
        List<String> table = new ArrayList<>();
        for (Map<String, Map<String, HttpRoute>> paths : List.of(routes, templates)) {
            paths.forEach((path, byMethod) -> byMethod.keySet().forEach(method -> table.add(method + " " + path)));
        }
        table.sort(null);
        return table;
    }

    /** The value of a {@code {name}} segment of the matched route's path. */
    public static String pathParameter(HttpExchange exchange, String name) {
        Object value = exchange.getAttribute(PATH_PARAMETER + name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no path parameter " + name);
        }
        return (String) value;
    }

    public void start() {
        selector.start();
        LOG.info("chat-app HTTP API listening on {}", selector.address());
    }

    public int port() {
        return selector.address().getPort();
    }

    private void dispatch(ServerExchange exchange, boolean overloaded) {
        HttpResponse response;
        try (exchange) {
            try {
                response = handle(exchange, overloaded);
            } catch (HttpProblem problem) {
                response = problem.response();
            } catch (Exception e) {
                if (ServerExchange.clientGone(exchange)) {
                    // Not the server's fault, and common (a closed app, a lost network): no stack trace.
                    LOG.debug("HTTP {} {}: the client went away ({})", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), e.toString());
                    return;
                }
                if (DatabaseFailures.isUnavailable(e)) {
                    // Temporary and not the client's doing; /health says the same (docs/reliability.md).
                    LOG.warn("HTTP {} {}: the database is unavailable ({})", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), e.toString());
                    response = HttpResponse.error(503, "database_unavailable",
                            "The server's database is unavailable; try again shortly.")
                            .withHeader("Retry-After", Integer.toString(DATABASE_RETRY_AFTER_SECONDS));
                } else {
                    LOG.warn("HTTP {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                    response = HttpResponse.error(500, "internal_error", "The server could not handle the request.");
                }
            }
            try {
                send(exchange, response);
            } catch (IOException e) {
                // Usually the client went away mid-download; the exchange closes the connection.
                LOG.debug("Response to {} {} not completed: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e.getMessage());
            }
        }
    }

    private HttpResponse handle(ServerExchange exchange, boolean overloaded) throws Exception {
        if (exchange.refusal() != null) {
            return exchange.refusal();
        }
        if (overloaded) {
            return HttpResponse.error(503, "overloaded", "The server is busy; try again shortly.")
                    .withHeader("Retry-After", "1");
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, HttpRoute> byMethod = routes.get(path);
        if (byMethod == null) {
            byMethod = matchTemplate(exchange, path);
        }
        if (byMethod == null) {
            return HttpResponse.error(404, "not_found", "No such resource: " + path);
        }
        HttpRoute route = byMethod.get(exchange.getRequestMethod());
        if (route == null) {
            return HttpResponse.error(405, "method_not_allowed",
                    exchange.getRequestMethod() + " is not allowed on " + path)
                    .withHeader("Allow", String.join(", ", byMethod.keySet()));
        }
        return route.handle(exchange);
    }

    /** The routes of the first template the path matches, with its parameters set on the exchange. */
    private Map<String, HttpRoute> matchTemplate(HttpExchange exchange, String path) {
        String[] actual = path.split("/", -1);
        for (Map.Entry<String, Map<String, HttpRoute>> template : templates.entrySet()) {
            String[] pattern = template.getKey().split("/", -1);
            if (pattern.length != actual.length) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < pattern.length && matches; i++) {
                if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                    matches = !actual[i].isEmpty();
                    parameters.put(pattern[i].substring(1, pattern[i].length() - 1), actual[i]);
                } else {
                    matches = pattern[i].equals(actual[i]);
                }
            }
            if (matches) {
                parameters.forEach((name, value) -> exchange.setAttribute(PATH_PARAMETER + name, value));
                return template.getValue();
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, HttpResponse response) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (response.body() instanceof StreamedBody streamed) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            sendStreamed(exchange, response.status(), streamed, head);
            return;
        }
        if (response.body() == null) {
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] body = Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Headers with the exact length, then the body straight to the connection. */
    private static void sendStreamed(HttpExchange exchange, int status, StreamedBody body, boolean head)
            throws IOException {
        if (head) {
            // sendResponseHeaders takes -1 for "no body"; the route's Content-Length header still says the length.
            exchange.getResponseHeaders().set("Content-Length", Long.toString(body.length()));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length() == 0 ? -1 : body.length());
        if (body.length() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    /**
     * Stops accepting and closes idle connections, lets requests in flight finish for a moment, stops the workers,
     * then the selector thread (whose deadlines keep applying to the requests in flight until then).
     */
    @Override
    public void close() {
        selector.stopAccepting();
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {workers, overflow}) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        selector.close();
    }

}
