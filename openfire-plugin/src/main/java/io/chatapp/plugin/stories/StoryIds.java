package io.chatapp.plugin.stories;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Story ids: 128 random bits in lower-case hex, so nobody can guess or count another user's stories. */
final class StoryIds {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoryIds() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
