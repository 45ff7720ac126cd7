package io.chatapp.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A file shared in a message (an image, a video, a voice note or any file): where to fetch it and what the sender
 * said about it. Messages from standard clients (Conversations, Gajim, Dino) often carry only the link, so every
 * field but {@link #url()}, {@link #name()} and {@link #mediaType()} may be unknown (null). Fetch it with
 * {@link Media#download}.
 *
 * @param url       where to download it (HTTP GET); treat it as opaque
 * @param name      the file name the sender gave, cleaned of directory parts (or the last part of the URL)
 * @param mediaType its media type, e.g. {@code image/jpeg}; {@code application/octet-stream} when unknown
 * @param size      its size in bytes, or null when unknown
 * @param width     width in pixels (images and videos), or null
 * @param height    height in pixels (images and videos), or null
 * @param duration  how long it plays (audio and video), or null
 * @param sha256    the SHA-256 of its bytes as lowercase hex, or null; {@link Media#download} verifies it
 * @param thumbnail a small preview image (images), or null
 */
public record MediaAttachment(String url, String name, String mediaType, Long size, Integer width, Integer height,
                              Duration duration, String sha256, Thumbnail thumbnail) {

    /** The media type used when nothing better is known. */
    public static final String UNKNOWN_TYPE = "application/octet-stream";

    public MediaAttachment {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        mediaType = mediaType == null || mediaType.isBlank() ? UNKNOWN_TYPE : mediaType.toLowerCase(Locale.ROOT);
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
        }
    }

    /** What kind of media it is, from its media type. */
    public Kind kind() {
        return Kind.of(mediaType);
    }

    /** The same attachment at another address (e.g. a fresh URL from {@link Media#freshUrl}). */
    public MediaAttachment withUrl(String newUrl) {
        return new MediaAttachment(newUrl, name, mediaType, size, width, height, duration, sha256, thumbnail);
    }

    /** What kind of media a file is. */
    public enum Kind {
        IMAGE, VIDEO, AUDIO, FILE;

        /** The kind of a media type: {@code image/*}, {@code video/*}, {@code audio/*}, anything else a file. */
        public static Kind of(String mediaType) {
            String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
            if (type.startsWith("image/")) {
                return IMAGE;
            }
            if (type.startsWith("video/")) {
                return VIDEO;
            }
            return type.startsWith("audio/") ? AUDIO : FILE;
        }
    }

    /**
     * A preview image of the file (XEP-0264).
     *
     * @param url       where to download it
     * @param mediaType its media type, e.g. {@code image/jpeg}
     * @param width     its width in pixels, or null
     * @param height    its height in pixels, or null
     */
    public record Thumbnail(String url, String mediaType, Integer width, Integer height) {

        public Thumbnail {
            Objects.requireNonNull(url, "url");
        }
    }
}
