package io.chatapp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatapp.devserver.DevServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin's HTTP API as a client sees it, over plain HTTP/1.1 sockets from a chosen local address (127.0.0.1,
 * 127.0.0.2, … are all this machine), so tests can play clients at different IP addresses for rate limits and
 * lockouts.
 */
final class PluginApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevServer server;
    private final String localAddress;

    PluginApi(DevServer server, String localAddress) {
        this.server = server;
        this.localAddress = localAddress;
    }

    PluginApi(DevServer server) {
        this(server, "127.0.0.1");
    }

    /** An answer: status, headers (lower-case names) and the JSON body. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static ObjectNode json(String... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node;
    }

    Answer register(String username, String password) throws IOException {
        return call("POST", "/api/v1/accounts", null, json("username", username, "password", password));
    }

    Answer token(String username, String password) throws IOException {
        return call("POST", "/api/v1/auth/token", null, json("username", username, "password", password));
    }

    Answer refresh(String refreshToken) throws IOException {
        return call("POST", "/api/v1/auth/refresh", null, json("refresh_token", refreshToken));
    }

    Answer get(String path, String bearer) throws IOException {
        return call("GET", path, bearer, null);
    }

    Answer post(String path, String bearer, ObjectNode body) throws IOException {
        return call("POST", path, bearer, body == null ? json() : body);
    }

    Answer delete(String path, String bearer, ObjectNode body) throws IOException {
        return call("DELETE", path, bearer, body);
    }

    Answer call(String method, String path, String bearer, ObjectNode body) throws IOException {
        byte[] content = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.pluginHttpUri().getPort()), 5_000);
            StringBuilder request = new StringBuilder()
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            if (bearer != null) {
                request.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String response = all.toString(StandardCharsets.UTF_8);
        int headerEnd = response.indexOf("\r\n\r\n");
        String[] lines = response.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.put(name, value);
            chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
        }
        String body = response.substring(headerEnd + 4);
        if (chunked) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
