package io.chatapp.plugin.http;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request line and its headers, parsed strictly: anything a proxy and this server could read differently (folded
 * headers, spaces before the colon, a length and chunking at once, two lengths) is refused rather than guessed at.
 *
 * @param bodyLength the declared Content-Length, 0 when there is none, or {@link #CHUNKED}
 */
record RequestHead(String method, URI uri, String protocol, Headers headers, long bodyLength) {

    static final long CHUNKED = -1;

    boolean chunked() {
        return bodyLength == CHUNKED;
    }

    /** Whether the client wants the connection kept open after this exchange. */
    boolean keepAlive() {
        String connection = headers.getFirst("Connection");
        boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        return protocol.equals("HTTP/1.1") && !close;
    }

    boolean expectsContinue() {
        String expect = headers.getFirst("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue") && protocol.equals("HTTP/1.1");
    }

    /** Parses {@code length} bytes: the head without its final empty line. */
    static RequestHead parse(byte[] bytes, int length) throws MalformedRequest {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isEmpty()) {
            first++; // RFC 9112 §2.2: empty lines before a request line are ignored
        }
        if (first == lines.length) {
            throw MalformedRequest.badRequest("The request line is missing.");
        }
        String[] parts = lines[first].split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0])) {
            throw MalformedRequest.badRequest("The request line is malformed.");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new MalformedRequest(505, "http_version_not_supported", "Only HTTP/1.1 and HTTP/1.0 are served.");
        }
        Headers headers = new Headers();
        for (int i = first + 1; i < lines.length; i++) {
            addHeader(headers, lines[i]);
        }
        return new RequestHead(parts[0], target(parts[1]), parts[2], headers, bodyLength(headers));
    }

    private static URI target(String raw) throws MalformedRequest {
        try {
            URI uri = new URI(raw);
            if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
                throw MalformedRequest.badRequest("The request target must be a path.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw MalformedRequest.badRequest("The request target is not a valid URI path.");
        }
    }

    private static void addHeader(Headers headers, String line) throws MalformedRequest {
        int colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.substring(0, colon))) {
            throw MalformedRequest.badRequest("A header line is malformed.");
        }
        try {
            headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw MalformedRequest.badRequest("A header line is malformed.");
        }
    }

    private static long bodyLength(Headers headers) throws MalformedRequest {
        List<String> encodings = headers.get("Transfer-Encoding");
        List<String> lengths = headers.get("Content-length");
        if (encodings != null) {
            if (lengths != null) {
                throw MalformedRequest.badRequest("A request may not have both Content-Length and Transfer-Encoding.");
            }
            if (encodings.size() != 1 || !encodings.get(0).equalsIgnoreCase("chunked")) {
                throw new MalformedRequest(501, "not_implemented", "Only the chunked transfer coding is supported.");
            }
            return CHUNKED;
        }
        if (lengths == null) {
            return 0;
        }
        String value = lengths.get(0);
        if (lengths.stream().anyMatch(other -> !other.equals(value)) || value.isEmpty() || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw MalformedRequest.badRequest("The Content-Length is not a number.");
        }
        return Long.parseLong(value);
    }

    /** RFC 9110 §5.6.2 token: what method and header names are made of. */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A request the server refuses before any route sees it, with the JSON error the client gets. */
    static final class MalformedRequest extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient HttpResponse response;

        MalformedRequest(int status, String error, String message) {
            super(message, null, false, false);
            this.response = HttpResponse.error(status, error, message);
        }

        static MalformedRequest badRequest(String message) {
            return new MalformedRequest(400, "bad_request", message);
        }

        HttpResponse response() {
            return response;
        }
    }
}
