package io.chatapp.client.internal.media;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Saves downloaded bytes under a name only once they are complete and verified: they go to a temporary file next to
 * the target (a hidden {@code .NAME…part}), are checked against the expected size (stopping as soon as more arrive)
 * and SHA-256, and are then moved into place atomically. Whatever fails, the temporary file is removed.
 */
final class VerifiedFile {

    private static final int BUFFER = 64 * 1024;

    private final Path target;
    private final Long expectedSize;
    private final String sha256;

    /**
     * @param expectedSize bytes expected, or null
     * @param sha256       the expected lowercase hex SHA-256, or null
     */
    VerifiedFile(Path target, Long expectedSize, String sha256) {
        this.target = target;
        this.expectedSize = expectedSize;
        this.sha256 = sha256;
    }

    /**
     * Copies {@code body} in and moves it into place; an {@link IOException} is a failure to read {@code body} (the
     * network), while failures to write locally are {@link Reason#INVALID_INPUT} and a mismatch
     * {@link Reason#INTEGRITY}.
     *
     * @param total the size to report progress against, or -1
     */
    Path save(InputStream body, long total, MediaProgressListener progress) throws IOException {
        Path temporary = local(() -> Files.createTempFile(target.toAbsolutePath().getParent(),
                "." + target.getFileName(), ".part"));
        try {
            String digest = copy(body, temporary, total, progress);
            if (sha256 != null && !sha256.equalsIgnoreCase(digest)) {
                throw new ChatClientException(Reason.INTEGRITY, "The downloaded file does not match its SHA-256 ("
                        + "expected " + sha256 + ", got " + digest + "): nothing was saved");
            }
            local(() -> Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE));
            return target;
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // its name starts with a dot and ends with .part: recognisably partial
            }
        }
    }

    /** Copies the body into the file, reporting progress; returns the SHA-256 of what was written. */
    private String copy(InputStream body, Path file, long total, MediaProgressListener progress) throws IOException {
        MessageDigest digest = LocalFile.newSha256();
        long written = 0;
        progress.onProgress(0, total);
        try (OutputStream out = local(() -> Files.newOutputStream(file))) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = body.read(buffer)) > 0) {
                written += read;
                if (expectedSize != null && written > expectedSize) {
                    throw new ChatClientException(Reason.INTEGRITY, "The server sent more than the announced "
                            + expectedSize + " bytes: nothing was saved");
                }
                digest.update(buffer, 0, read);
                int length = read;
                local(() -> {
                    out.write(buffer, 0, length);
                    return null;
                });
                progress.onProgress(written, total);
            }
        }
        if (expectedSize != null && written != expectedSize) {
            throw new ChatClientException(Reason.INTEGRITY, "The download ended after " + written + " of "
                    + expectedSize + " bytes: nothing was saved");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A local file operation. */
    @FunctionalInterface
    private interface LocalOperation<T> {
        T run() throws IOException;
    }

    private <T> T local(LocalOperation<T> operation) {
        try {
            return operation.run();
        } catch (IOException e) {
            throw new ChatClientException(Reason.INVALID_INPUT, "Cannot save " + target + ": " + e.getMessage(), e);
        }
    }
}
