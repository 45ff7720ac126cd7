package io.chatapp.plugin.media;

import io.chatapp.plugin.config.MediaSettings;
import java.util.Locale;
import java.util.Set;

/**
 * What may be uploaded: the size limit of each kind of media, the types never accepted (browsers would run them:
 * markup and scripts), and whether the type sniffed from a file's bytes agrees with the type its uploader declared.
 */
public final class UploadRules {

    /** Types refused whatever their size: a browser opening the URL would render or run them. */
    static final Set<String> DISALLOWED = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/javascript", "application/javascript", "application/x-javascript", "application/ecmascript",
            "text/ecmascript", "application/x-httpd-php", "text/x-php");
    /** Containers Tika may name by their container rather than by audio or video. */
    private static final Set<String> AUDIO_VIDEO_CONTAINERS = Set.of("application/ogg", "application/mp4",
            "application/x-matroska");
    /** What Tika answers when the bytes say nothing more specific. */
    private static final Set<String> GENERIC = Set.of("application/octet-stream", "text/plain");
    static final String DEFAULT_TYPE = "application/octet-stream";
    private static final int MAX_NAME_LENGTH = 255;

    /** The kinds with a size limit each. */
    public enum Kind { IMAGE, AUDIO, VIDEO, FILE }

    private final MediaSettings.Limits limits;

    public UploadRules(MediaSettings.Limits limits) {
        this.limits = limits;
    }

    /** The type without parameters, in lower case; the default type when none was given. */
    static String normalize(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return DEFAULT_TYPE;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? type : null;
    }

    static Kind kindOf(String type) {
        if (type.startsWith("image/")) {
            return Kind.IMAGE;
        }
        if (type.startsWith("audio/")) {
            return Kind.AUDIO;
        }
        if (type.startsWith("video/")) {
            return Kind.VIDEO;
        }
        return Kind.FILE;
    }

    public long limitFor(String type) {
        return switch (kindOf(type)) {
            case IMAGE -> limits.imageBytes();
            case AUDIO -> limits.audioBytes();
            case VIDEO -> limits.videoBytes();
            case FILE -> limits.fileBytes();
        };
    }

    /** The largest file of any kind: the service's advertised max-file-size. */
    public long largestLimit() {
        return limits.largest();
    }

    static boolean disallowed(String type) {
        return DISALLOWED.contains(type);
    }

    /**
     * The type to record for a file declared as {@code declared} whose bytes Tika takes for {@code sniffed}, or null
     * when the two contradict each other (e.g. HTML declared as a PNG) or the bytes are of a disallowed type.
     */
    static String agreedType(String declared, String sniffed) {
        if (disallowed(sniffed)) {
            return null;
        }
        Kind kind = kindOf(declared);
        return switch (kind) {
            case IMAGE -> kindOf(sniffed) == Kind.IMAGE ? sniffed : null;
            // Magic numbers cannot tell ISO-BMFF brands apart reliably (Tika takes many MP4s for QuickTime), so any
            // audio or video container confirms the declared type rather than replacing it.
            case AUDIO, VIDEO -> {
                Kind found = kindOf(sniffed);
                yield found == Kind.AUDIO || found == Kind.VIDEO || AUDIO_VIDEO_CONTAINERS.contains(sniffed)
                        ? declared : null;
            }
            case FILE -> GENERIC.contains(sniffed) ? declared : sniffed;
        };
    }

    /** A file name safe to keep and to send back in a URL and a header: no path, no control characters. */
    static String safeFileName(String name) {
        if (name == null) {
            return "file";
        }
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0x7f || c == '/' || c == '\\'
                || c == '"' ? '_' : c));
        String trimmed = safe.toString().strip();
        while (trimmed.startsWith(".")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
            return "file";
        }
        return trimmed.length() > MAX_NAME_LENGTH ? trimmed.substring(0, MAX_NAME_LENGTH) : trimmed;
    }
}
