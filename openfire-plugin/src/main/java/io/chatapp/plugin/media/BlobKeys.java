package io.chatapp.plugin.media;

import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the media service stores blobs under, and the shape every {@link BlobStore} checks keys and list prefixes
 * against before it touches storage, so that no key can name something outside the store (an absolute path,
 * {@code ..}, another bucket's URL encoding).
 */
final class BlobKeys {

    private static final Logger LOG = LoggerFactory.getLogger(BlobKeys.class);

    static final String FILES = "files/";
    static final String THUMBNAILS = "thumbs/";

    /** Segments of {@code [a-z0-9-]} separated by single slashes: {@code files/abc}, never {@code /x}, {@code x//y}. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    /** A key's beginning: empty (everything), whole segments ({@code files/}) or a partial last one ({@code files/ab}). */
    private static final Pattern PREFIX = Pattern.compile("([a-z0-9-]+/)*[a-z0-9-]*");
    private static final int MAX_LENGTH = 512;

    private BlobKeys() {
    }

    static String file(String fileId) {
        return FILES + fileId;
    }

    static String thumbnail(String fileId) {
        return THUMBNAILS + fileId;
    }

    /**
     * Removes a file's blobs (the file and its thumbnail); false when the store failed, in which case the clean-up
     * job finds them again later (as a deleted file, or as orphans).
     */
    static boolean deleteAll(BlobStore store, String fileId) {
        try {
            store.delete(file(fileId));
            store.delete(thumbnail(fileId));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete the media of {}: {}", fileId, e.getMessage());
            return false;
        }
    }

    /** The key itself, or {@link IllegalArgumentException} when a store must not resolve it. */
    static String checkKey(String key) {
        if (key == null || key.length() > MAX_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid blob key '" + key + "': segments of a-z, 0-9 and '-'"
                    + " separated by single '/', at most " + MAX_LENGTH + " characters");
        }
        return key;
    }

    /** Whether {@code key} has the shape of a key (for skipping foreign files while listing). */
    static boolean isKey(String key) {
        return key != null && key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
    }

    static String checkPrefix(String prefix) {
        if (prefix == null || prefix.length() > MAX_LENGTH || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid blob key prefix '" + prefix + "'");
        }
        return prefix;
    }

    static void checkRange(long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("invalid range: offset " + offset + ", length " + length);
        }
    }
}
