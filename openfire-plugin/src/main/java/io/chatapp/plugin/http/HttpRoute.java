package io.chatapp.plugin.http;

import com.sun.net.httpserver.HttpExchange;

/** Handles one method and path of the plugin's HTTP API. */
@FunctionalInterface
public interface HttpRoute {

    HttpResponse handle(HttpExchange exchange) throws Exception;
}
