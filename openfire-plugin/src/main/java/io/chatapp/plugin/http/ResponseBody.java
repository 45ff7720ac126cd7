package io.chatapp.plugin.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body framed as {@code HttpExchange.sendResponseHeaders} declared it: none, an exact length, chunks, or
 * (HTTP/1.0) until the connection closes. Writing before the headers are sent, or past the declared length, fails.
 */
final class ResponseBody extends OutputStream {

    enum Framing { NONE, FIXED, CHUNKED, UNTIL_CLOSE }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream wire;
    private Framing framing;
    private long remaining;
    private boolean closed;

    ResponseBody(OutputStream wire) {
        this.wire = wire;
    }

    void start(Framing framing, long length) {
        this.framing = framing;
        this.remaining = length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (framing == null) {
            throw new IOException("sendResponseHeaders must come before the response body.");
        }
        if (closed) {
            throw new IOException("The response body is closed.");
        }
        if (length == 0) {
            return;
        }
        switch (framing) {
            case NONE -> throw new IOException("This response has no body.");
            case FIXED -> {
                if (length > remaining) {
                    throw new IOException("More bytes than the declared Content-Length.");
                }
                wire.write(bytes, offset, length);
                remaining -= length;
            }
            case CHUNKED -> {
                wire.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
                wire.write(CRLF);
                wire.write(bytes, offset, length);
                wire.write(CRLF);
            }
            case UNTIL_CLOSE -> wire.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        wire.flush();
    }

    /** Ends the body (the last chunk, when chunked) and sends what is buffered. */
    @Override
    public void close() throws IOException {
        if (closed || framing == null) {
            return;
        }
        closed = true;
        if (framing == Framing.CHUNKED) {
            wire.write(LAST_CHUNK);
        }
        wire.flush();
    }

    /** Whether the whole body was sent as declared, so the connection can carry another exchange. */
    boolean complete() {
        return closed && (framing != Framing.FIXED || remaining == 0);
    }
}
