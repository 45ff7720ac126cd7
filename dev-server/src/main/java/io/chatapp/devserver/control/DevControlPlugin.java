package io.chatapp.devserver.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.jivesoftware.util.JiveGlobals;

/**
 * Serves {@code PUT /users/{name}} (body: the password; 201, or 409 when the account exists) and
 * {@code GET /users/{name}} (200 or 404) on {@code 127.0.0.1:chatapp.devcontrol.port}, for requests that carry the
 * header {@code X-Secret: chatapp.devcontrol.secret}. Both properties are written by the dev server.
 */
public final class DevControlPlugin implements Plugin {

    public static final String PORT_PROPERTY = "chatapp.devcontrol.port";
    public static final String SECRET_PROPERTY = "chatapp.devcontrol.secret";

    private HttpServer server;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        int port = JiveGlobals.getIntProperty(PORT_PROPERTY, 0);
        String secret = JiveGlobals.getProperty(SECRET_PROPERTY, "");
        if (port <= 0 || secret.isEmpty()) {
            throw new IllegalStateException(PORT_PROPERTY + " and " + SECRET_PROPERTY + " must be set");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/users/", exchange -> handle(exchange, secret));
        server.start();
    }

    private static void handle(HttpExchange exchange, String secret) throws IOException {
        try (exchange) {
            String given = exchange.getRequestHeaders().getFirst("X-Secret");
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            String username = exchange.getRequestURI().getPath().substring("/users/".length());
            exchange.sendResponseHeaders(status(exchange, username), -1);
        }
    }

    private static int status(HttpExchange exchange, String username) throws IOException {
        UserManager users = UserManager.getInstance();
        switch (exchange.getRequestMethod()) {
            case "PUT":
                String password = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    users.createUser(username, password, username, null);
                    return 201;
                } catch (UserAlreadyExistsException e) {
                    return 409;
                }
            case "GET":
                try {
                    users.getUser(username);
                    return 200;
                } catch (UserNotFoundException e) {
                    return 404;
                }
            default:
                return 405;
        }
    }

    @Override
    public void destroyPlugin() {
        if (server != null) {
            server.stop(0);
        }
    }
}
