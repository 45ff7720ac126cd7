package io.chatapp.plugin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads JSON request bodies with a size limit, and bearer tokens from the Authorization header. */
public final class JsonRequests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int maxBodyBytes;

    public JsonRequests(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The body as a JSON object: 415 if it is not declared JSON, 413 if too large (before reading a byte when the
     * declared length says so), 400 if malformed.
     */
    public JsonNode object(HttpExchange exchange) throws IOException, HttpProblem {
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            throw new HttpProblem(415, "unsupported_media_type", "Send the request body as application/json.");
        }
        if (declaredLength(exchange) > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new HttpProblem(400, "bad_request", "The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "bad_request", "The request body is not valid JSON.");
        }
    }

    /** Exactly application/json, in any case, with or without parameters such as {@code charset=utf-8}. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** The declared Content-Length, or -1 (chunked, or none). */
    private static long declaredLength(HttpExchange exchange) throws HttpProblem {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad_request", "The Content-Length is not a number.");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "payload_too_large", "The request body is larger than " + maxBodyBytes
                + " bytes.");
    }

    /** A required string field: 400 when missing, empty or not a string. */
    public static String requiredText(JsonNode object, String field) throws HttpProblem {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new HttpProblem(400, "bad_request", "The field '" + field + "' is required and must be a string.");
        }
        return value.asText();
    }

    /** The token of an {@code Authorization: Bearer …} header, or null when there is none. */
    public static String bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /**
     * The client's IP address as this server sees it. Forwarded headers are deliberately ignored: anyone can send
     * them, and they would let an attacker pick the address that rate limits and lockouts count.
     */
    public static String clientAddress(HttpExchange exchange) {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** An optional string field: null when absent, 400 when present but not a string. */
    public static String optionalText(JsonNode object, String field) throws HttpProblem {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new HttpProblem(400, "bad_request", "The field '" + field + "' must be a string.");
        }
        return value.asText();
    }
}
