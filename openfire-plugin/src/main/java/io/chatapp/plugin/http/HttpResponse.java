package io.chatapp.plugin.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response: status, body and extra headers. */
public record HttpResponse(int status, Object body, Map<String, String> headers) {

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, body, Map.of());
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
