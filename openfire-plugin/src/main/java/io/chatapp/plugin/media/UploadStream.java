package io.chatapp.plugin.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload body as the store reads it: counted, hashed (SHA-256) on the way through, and cut off with
 * {@link TooLongException} the moment it goes past the declared size, so a store never keeps such an upload.
 */
final class UploadStream extends FilterInputStream {

    /** The body had more bytes than declared. */
    static final class TooLongException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLongException(long declared) {
            super("the upload is longer than the declared " + declared + " bytes");
        }
    }

    private final long declared;
    private final MessageDigest sha256;
    /** Written by the reading thread only; read by others too (see {@link StoreRoom#writing}). */
    private volatile long count;

    UploadStream(InputStream in, long declared) {
        super(in);
        this.declared = declared;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
            sha256.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    private void counted(int n) throws TooLongException {
        count += n;
        if (count > declared) {
            throw new TooLongException(declared);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload is read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** Lowercase hex SHA-256 of everything read. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
