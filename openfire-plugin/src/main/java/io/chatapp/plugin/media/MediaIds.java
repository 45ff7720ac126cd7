package io.chatapp.plugin.media;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Random ids of slots and files: 160 bits in lower-case base32 (32 characters of {@code [a-z2-7]}). */
final class MediaIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern VALID = Pattern.compile("[a-z2-7]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaIds() {
    }

    static String random() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(32);
        // 20 bytes = 160 bits = 32 groups of 5 bits.
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(ALPHABET[(int) (buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }

    /** Whether the text has the shape of an id (checked before any lookup or key is built from it). */
    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
