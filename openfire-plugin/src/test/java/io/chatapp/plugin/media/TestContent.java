package io.chatapp.plugin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Content for store tests that is generated as it is read, so a large object never sits in the test's heap. */
final class TestContent extends InputStream {

    /** Runs once when the reader has taken the given number of bytes. */
    interface Checkpoint {
        void reached() throws IOException;
    }

    private final long length;
    private final SplittableRandom random;
    private final long checkpointAt;
    private final Checkpoint checkpoint;
    private long position;
    private boolean checkpointDone;

    private TestContent(long length, long seed, long checkpointAt, Checkpoint checkpoint) {
        this.length = length;
        this.random = new SplittableRandom(seed);
        this.checkpointAt = checkpointAt;
        this.checkpoint = checkpoint;
    }

    static TestContent of(long length, long seed) {
        return new TestContent(length, seed, -1, null);
    }

    /** Calls {@code checkpoint} when {@code at} bytes have been read; what it throws, the read throws. */
    static TestContent withCheckpoint(long length, long seed, long at, Checkpoint checkpoint) {
        return new TestContent(length, seed, at, checkpoint);
    }

    static byte[] bytes(int length, long seed) {
        try {
            return of(length, seed).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[65_536];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (!checkpointDone && checkpoint != null && position >= checkpointAt) {
            checkpointDone = true;
            checkpoint.reached();
        }
        if (position >= length) {
            return -1;
        }
        long limit = checkpointDone || checkpoint == null ? length : Math.min(length, Math.max(checkpointAt, position + 1));
        int n = (int) Math.min(count, limit - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        position += n;
        return n;
    }
}
