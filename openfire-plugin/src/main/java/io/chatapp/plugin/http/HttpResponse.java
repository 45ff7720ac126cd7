package io.chatapp.plugin.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response: status, body and extra headers. The body is a JSON value, a {@link StreamedBody} written as it is,
 * or null for no body at all (e.g. 204, 304).
 */
public record HttpResponse(int status, Object body, Map<String, String> headers) {

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, body, Map.of());
    }

    /** A body streamed to the client (e.g. a media file) with its content type. */
    public static HttpResponse stream(int status, String contentType, StreamedBody body) {
        return new HttpResponse(status, body, Map.of("Content-Type", contentType));
    }

    /** A response without a body. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, Map.of());
    }

    /** The API's one error shape: {@code {"error": "...", "message": "..."}}. */
    public static HttpResponse error(int status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, body, Map.copyOf(copy));
    }
}
