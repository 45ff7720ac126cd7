package io.chatapp.plugin.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A request body in the chunked transfer coding (RFC 9112 §7.1); extensions and trailers are read and ignored. */
final class ChunkedBody extends RequestBody {

    /** Longest chunk-size line or trailer line accepted: far more than any honest client sends. */
    private static final int MAX_LINE = 4096;

    private long chunkRemaining;
    private boolean started;
    private boolean finished;

    ChunkedBody(HttpConnection connection, Duration idleTimeout, FirstRead firstRead) {
        super(connection, idleTimeout, firstRead);
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (chunkRemaining == 0) {
            nextChunk();
            if (finished) {
                return -1;
            }
        }
        int read = readSome(target, offset, (int) Math.min(length, chunkRemaining));
        chunkRemaining -= read;
        return read;
    }

    private void nextChunk() throws IOException {
        if (started && !readLine().isEmpty()) {
            throw new IOException("A chunk is longer than its declared size.");
        }
        started = true;
        String sizeLine = readLine();
        int extension = sizeLine.indexOf(';');
        String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException("A chunk size is malformed.");
        }
        chunkRemaining = Long.parseLong(hex, 16);
        if (chunkRemaining == 0) {
            while (!readLine().isEmpty()) {
                // trailer fields: ignored
            }
            finished = true;
        }
    }

    private String readLine() throws IOException {
        byte[] line = new byte[MAX_LINE];
        byte[] one = new byte[1];
        int length = 0;
        while (true) {
            readSome(one, 0, 1);
            if (one[0] == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == MAX_LINE) {
                throw new IOException("A chunk line is too long.");
            }
            line[length++] = one[0];
        }
    }

    @Override
    boolean finished() {
        return finished;
    }

    @Override
    boolean discardBufferedRest() {
        // Where a chunked body ends is only known by reading it, which might wait on the client: not done here.
        return finished;
    }
}
