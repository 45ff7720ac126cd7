package io.chatapp.plugin.media;

import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keys the media service stores blobs under, and the one rule every store checks them against. */
final class BlobKeys {

    private static final Logger LOG = LoggerFactory.getLogger(BlobKeys.class);

    static final String FILES = "files/";
    static final String THUMBNAILS = "thumbs/";

    /** Segments of {@code [a-z0-9-]} separated by single slashes: nothing that could name a parent or a root. */
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

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

    /** The key itself, or an exception when it is not a valid key (a store must never resolve such a key). */
    static String checked(String key) {
        if (key == null || key.length() > 512 || !VALID.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid blob key: " + key);
        }
        return key;
    }

    /** The prefix itself when it is empty or a valid key with a trailing slash. */
    static String checkedPrefix(String prefix) {
        if (!prefix.isEmpty()) {
            checked(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefix;
    }
}
