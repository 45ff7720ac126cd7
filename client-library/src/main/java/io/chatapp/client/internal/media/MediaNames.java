package io.chatapp.client.internal.media;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * File names from the network made safe to show and to save under: no directory parts, no control characters,
 * never empty, {@code .} or {@code ..} (XEP-0446 §2 leaves this to the receiver).
 */
public final class MediaNames {

    static final String FALLBACK = "file";
    private static final int MAX_LENGTH = 200;

    private MediaNames() {
    }

    public static String safe(String name) {
        String text = name == null ? "" : name;
        int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        text = text.substring(slash + 1);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(c);
            }
        });
        String cleaned = out.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1); // no hidden files, no "." or ".."
        }
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        if (cleaned.length() > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return cleaned;
    }

    /** The name a URL ends with (its last path segment, decoded), made safe. */
    public static String fromUrl(String url) {
        try {
            String path = URI.create(url).getRawPath();
            if (path == null) {
                return FALLBACK;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return safe(URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }
}
