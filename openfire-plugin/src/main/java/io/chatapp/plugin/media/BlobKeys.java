package io.chatapp.plugin.media;

import java.util.regex.Pattern;

/**
 * The shape of {@link BlobStore} keys and list prefixes. Checked by every store before it touches storage, so that
 * no key can name something outside the store (an absolute path, {@code ..}, another bucket's URL encoding).
 */
final class BlobKeys {

    /** Segments of {@code [a-z0-9-]} separated by single slashes: {@code files/abc}, never {@code /x}, {@code x//y}. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");
    /** A key's beginning: empty (everything), whole segments ({@code files/}) or a partial last one ({@code files/ab}). */
    private static final Pattern PREFIX = Pattern.compile("([a-z0-9-]+/)*[a-z0-9-]*");
    private static final int MAX_LENGTH = 512;

    private BlobKeys() {
    }

    static String checkKey(String key) {
        if (key == null || key.length() > MAX_LENGTH || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid blob key '" + key + "': segments of a-z, 0-9 and '-'"
                    + " separated by single '/', at most " + MAX_LENGTH + " characters");
        }
        return key;
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
