package io.chatapp.plugin.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its response on an {@link HttpConnection}, as the {@code HttpExchange} the routes know. Made by
 * the selector thread once the head is in; used by one worker; {@link #close()} ends it and hands the connection
 * back (kept alive or closed) through {@link Done}.
 */
final class ServerExchange extends HttpExchange {

    /** What becomes of the connection after the exchange. */
    enum After {
        /** It waits for the next request. */
        KEEP_ALIVE,
        /** It is closed at once: nothing more is due from the client, or it is gone. */
        CLOSE,
        /**
         * The client may still be sending a body nobody reads: closing at once could reset the connection before
         * the client reads the answer, so the input is read and discarded for a moment (see {@link HttpSelector}).
         */
        DRAIN_AND_CLOSE
    }

    @FunctionalInterface
    interface Done {
        void exchangeDone(HttpConnection connection, After after);
    }

    private static final int WIRE_BUFFER = 8192;
    /** RFC 9110 §5.6.7 IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpConnection connection;
    private final RequestHead head;
    private final HttpResponse refusal;
    private final Done done;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final OutputStream wire;
    private final RequestBody requestBody;
    private final ResponseBody responseBody;
    private InputStream in;
    private OutputStream out;
    private int responseCode = -1;
    private boolean closeAfter;
    private boolean closed;

    private ServerExchange(HttpConnection connection, RequestHead head, HttpResponse refusal, Duration idleTimeout,
                           boolean closeAfter, Done done) {
        this.connection = connection;
        this.head = head;
        this.refusal = refusal;
        this.done = done;
        this.closeAfter = closeAfter || refusal != null || !head.keepAlive();
        this.wire = new BufferedOutputStream(new ConnectionOutput(connection, idleTimeout), WIRE_BUFFER);
        this.requestBody = RequestBody.of(head, connection, idleTimeout, this::sendContinue);
        this.responseBody = new ResponseBody(wire);
        this.in = requestBody;
        this.out = responseBody;
    }

    /** A well-formed request; {@code closeAfter} when the server is stopping. */
    static ServerExchange of(HttpConnection connection, RequestHead head, Duration idleTimeout, boolean closeAfter,
                             Done done) {
        return new ServerExchange(connection, head, null, idleTimeout, closeAfter, done);
    }

    /** A request refused before any route sees it (malformed, too large a head): the answer, then close. */
    static ServerExchange refused(HttpConnection connection, HttpResponse refusal, Duration idleTimeout, Done done) {
        RequestHead none = new RequestHead("GET", URI.create("/"), "HTTP/1.1", new Headers(), 0);
        return new ServerExchange(connection, none, refusal, idleTimeout, true, done);
    }

    /** The answer for a request the server refused before routing, or null for one to route. */
    HttpResponse refusal() {
        return refusal;
    }

    /** Whether the exchange failed because its client went away or missed a deadline (not a server fault). */
    static boolean clientGone(HttpExchange exchange) {
        return exchange instanceof ServerExchange served && served.connection.broken();
    }

    private void sendContinue() throws IOException {
        if (head.expectsContinue() && responseCode < 0) {
            wire.write(CONTINUE);
            wire.flush();
        }
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode >= 0) {
            throw new IOException("The response headers have already been sent.");
        }
        if (code < 200 || code > 999) {
            throw new IllegalArgumentException("Not a final status code: " + code);
        }
        responseCode = code;
        boolean noBody = head.method().equals("HEAD") || code == 204 || code == 304;
        if (noBody) {
            responseBody.start(ResponseBody.Framing.NONE, 0);
        } else if (length == -1) {
            responseHeaders.set("Content-Length", "0");
            responseBody.start(ResponseBody.Framing.NONE, 0);
        } else if (length > 0) {
            responseHeaders.set("Content-Length", Long.toString(length));
            responseBody.start(ResponseBody.Framing.FIXED, length);
        } else if (head.protocol().equals("HTTP/1.1")) {
            responseHeaders.set("Transfer-Encoding", "chunked");
            responseBody.start(ResponseBody.Framing.CHUNKED, 0);
        } else {
            closeAfter = true; // HTTP/1.0 has no chunks: the body ends with the connection
            responseBody.start(ResponseBody.Framing.UNTIL_CLOSE, 0);
        }
        if (!requestBody.finished() && !requestBody.discardBufferedRest()) {
            // The route did not read the whole body; waiting for the rest would hold this worker on the client.
            closeAfter = true;
        }
        if (closeAfter) {
            responseHeaders.set("Connection", "close");
        }
        responseHeaders.set("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ')
                .append(StatusReasons.of(code)).append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                text.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        wire.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** No thread could serve the exchange: its connection is closed unanswered. */
    void abandon() {
        closed = true;
        done.exchangeDone(connection, After.CLOSE);
    }

    /** Ends the exchange: finishes the response, then keeps the connection for the next request or closes it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean answered = false;
        try {
            if (responseCode >= 0) {
                out.close();
                responseBody.close();
                answered = responseBody.complete();
            }
        } catch (IOException e) {
            answered = false;
        } finally {
            done.exchangeDone(connection, after(answered));
        }
    }

    private After after(boolean answered) {
        if (!answered || connection.broken()) {
            return After.CLOSE;
        }
        if (refusal != null || !requestBody.finished()) {
            return After.DRAIN_AND_CLOSE;
        }
        return closeAfter ? After.CLOSE : After.KEEP_ALIVE;
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    /** This server has no contexts: {@link HttpApiServer} routes every request itself. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("The chat-app HTTP server has no HttpContext.");
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        return out;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return connection.remote();
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return connection.local();
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            this.in = in;
        }
        if (out != null) {
            this.out = out;
        }
    }

    /** No authenticator runs here; routes check bearer tokens themselves. */
    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** The connection as an OutputStream, each write under the body idle deadline. */
    private static final class ConnectionOutput extends OutputStream {

        private final HttpConnection connection;
        private final Duration idleTimeout;

        ConnectionOutput(HttpConnection connection, Duration idleTimeout) {
            this.connection = connection;
            this.idleTimeout = idleTimeout;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            connection.write(ByteBuffer.wrap(bytes, offset, length), idleTimeout);
        }
    }
}
