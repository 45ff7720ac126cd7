package io.chatapp.plugin.media;

import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The signed URLs of the media service. A PUT URL signs everything its slot binds (requester, size, type, expiry); a
 * download URL signs the file id and, when downloads expire, the expiry. Each carries the id of its signing key
 * ({@code k}) and the signature ({@code s}); {@code e} is the expiry in epoch seconds.
 */
public final class MediaUrls {

    static final String UPLOAD_PATH = "/media/v1/upload/";
    static final String FILES_PATH = "/media/v1/files/";
    static final String THUMBNAILS_PATH = "/media/v1/thumbs/";
    static final String THUMBNAIL_NAME = "thumbnail.jpg";

    private final String base;
    private final UrlSigner signer;
    private final Duration downloadExpiry;
    private final Clock clock;

    public MediaUrls(String base, UrlSigner signer, Duration downloadExpiry, Clock clock) {
        this.base = base;
        this.signer = signer;
        this.downloadExpiry = downloadExpiry;
        this.clock = clock;
    }

    /** The beginning every download URL of this server has (what the archive looks for in messages). */
    public String filesPrefix() {
        return base + FILES_PATH;
    }

    public String put(UploadSlot slot) {
        UrlSigner.Signature signature = signer.sign(putPayload(slot));
        return base + UPLOAD_PATH + slot.slotId() + "?k=" + signature.keyId() + "&s=" + signature.value();
    }

    boolean putSigned(UploadSlot slot, Map<String, String> query) {
        return signer.verify(query.get("k"), putPayload(slot), query.get("s"));
    }

    private static String putPayload(UploadSlot slot) {
        return String.join("\n", "put", slot.slotId(), slot.fileId(), slot.owner(), Long.toString(slot.size()),
                slot.contentType(), Long.toString(slot.expiresAt().getEpochSecond()));
    }

    /** A download URL of a file, signed now. */
    public SignedUrl download(String fileId, String fileName) {
        return signed(FILES_PATH, fileId, fileName);
    }

    /** A download URL of a file's thumbnail, signed now. */
    public SignedUrl thumbnail(String fileId) {
        return signed(THUMBNAILS_PATH, fileId, THUMBNAIL_NAME);
    }

    /** A URL and when it stops working (null: never). */
    public record SignedUrl(String url, Instant expiresAt) {
    }

    private SignedUrl signed(String path, String fileId, String fileName) {
        Instant expiresAt = downloadExpiry.isZero() ? null : clock.instant().plus(downloadExpiry);
        String expiry = expiresAt == null ? "" : Long.toString(expiresAt.getEpochSecond());
        UrlSigner.Signature signature = signer.sign(downloadPayload(path, fileId, expiry));
        String url = base + path + fileId + "/" + encodeSegment(fileName) + "?k=" + signature.keyId() + "&s="
                + signature.value() + (expiry.isEmpty() ? "" : "&e=" + expiry);
        return new SignedUrl(url, expiresAt);
    }

    /** Whether the query signs a download of the file under this path, and has not expired. */
    boolean downloadSigned(String path, String fileId, Map<String, String> query) {
        String expiry = query.getOrDefault("e", "");
        if (!expiry.isEmpty()) {
            try {
                if (!Instant.ofEpochSecond(Long.parseLong(expiry)).isAfter(clock.instant())) {
                    return false;
                }
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return false;
            }
        }
        return signer.verify(query.get("k"), downloadPayload(path, fileId, expiry), query.get("s"));
    }

    private static String downloadPayload(String path, String fileId, String expiry) {
        return String.join("\n", path.equals(FILES_PATH) ? "get" : "thumb", fileId, expiry);
    }

    /** The file id of one of this server's download URLs at the start of the text, if it is one. */
    public Optional<String> fileIdIn(String text) {
        String prefix = filesPrefix();
        if (text == null || !text.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = text.indexOf('/', prefix.length());
        String id = end < 0 ? "" : text.substring(prefix.length(), end);
        return MediaIds.valid(id) ? Optional.of(id) : Optional.empty();
    }

    /**
     * The file id of the download URL the text is, when the URL's signature verifies and it has not expired: what a
     * message must carry for its recipient to be given the file (a file id alone proves nothing).
     */
    public Optional<String> signedFileIdIn(String text) {
        Optional<String> fileId = fileIdIn(text);
        int query = text == null ? -1 : text.indexOf('?');
        if (fileId.isEmpty() || query < 0) {
            return Optional.empty();
        }
        int fragment = text.indexOf('#', query);
        try {
            Map<String, String> parameters = QueryParameters.parse(
                    text.substring(query + 1, fragment < 0 ? text.length() : fragment));
            return downloadSigned(FILES_PATH, fileId.get(), parameters) ? fileId : Optional.empty();
        } catch (HttpProblem malformed) {
            return Optional.empty();
        }
    }

    /** RFC 3986 path segment encoding: unreserved characters as they are, every other UTF-8 byte as %XX. */
    static String encodeSegment(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
