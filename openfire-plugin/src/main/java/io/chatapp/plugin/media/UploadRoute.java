package io.chatapp.plugin.media;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.HttpRoute;
import io.chatapp.plugin.http.QueryParameters;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code PUT} of an upload slot's bytes (XEP-0363 §5): 201 with the file's JSON (the media contract) or a JSON error;
 * with the CORS headers web clients need, and their {@code OPTIONS} preflight.
 */
final class UploadRoute implements HttpRoute {

    private final MediaService media;

    UploadRoute(MediaService media) {
        this.media = media;
    }

    @Override
    public HttpResponse handle(HttpExchange exchange) throws Exception {
        return cors(upload(exchange));
    }

    private HttpResponse upload(HttpExchange exchange) throws Exception {
        try (InputStream body = exchange.getRequestBody()) {
            MediaFile file = media.upload(HttpApiServer.pathParameter(exchange, "slotId"),
                    QueryParameters.parse(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Content-Type"), contentLength(exchange), body);
            return HttpResponse.json(201, media.uploaded(file));
        } catch (HttpProblem problem) {
            return problem.response();
        } catch (IOException e) {
            return HttpResponse.error(400, "incomplete_upload", "The upload did not complete; nothing was stored.");
        }
    }

    private static long contentLength(HttpExchange exchange) throws HttpProblem {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad_request", "The Content-Length is not a number.");
        }
    }

    /** The CORS preflight of a PUT from a web client on another origin. */
    static HttpResponse preflight(HttpExchange exchange) {
        return cors(HttpResponse.empty(204))
                .withHeader("Access-Control-Allow-Methods", "PUT, OPTIONS")
                .withHeader("Access-Control-Allow-Headers", "Content-Type")
                .withHeader("Access-Control-Max-Age", "86400");
    }

    private static HttpResponse cors(HttpResponse response) {
        return response.withHeader("Access-Control-Allow-Origin", "*");
    }
}
