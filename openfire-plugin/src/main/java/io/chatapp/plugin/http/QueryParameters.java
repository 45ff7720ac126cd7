package io.chatapp.plugin.http;


import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query string of a request as name → value (first value wins), with bounded integer parameters. */
public final class QueryParameters {

    private static final int MAX_PARAMETERS = 32;

    private QueryParameters() {
    }

    public static Map<String, String> parse(String rawQuery) throws HttpProblem {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        String[] pairs = rawQuery.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw new HttpProblem(400, "bad_request", "Too many query parameters.");
        }
        try {
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "bad_request", "The query string is malformed.");
        }
        return parameters;
    }

    public static int integer(Map<String, String> parameters, String name, int fallback, int min, int max)
            throws HttpProblem {
        String raw = parameters.get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "bad_request", "The parameter '" + name + "' must be an integer from " + min
                    + " to " + max + ".");
        }
    }
}
