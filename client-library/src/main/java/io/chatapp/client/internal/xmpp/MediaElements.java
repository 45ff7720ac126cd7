package io.chatapp.client.internal.xmpp;

import io.chatapp.client.MediaAttachment;
import io.chatapp.client.internal.media.MediaNames;
import io.chatapp.client.internal.media.MediaTypes;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.jivesoftware.smack.packet.Message;

/**
 * Media messages as the protocol (docs/protocol.md, "Media messages") has them: a body holding the download URL,
 * XEP-0066 out-of-band data with the same URL, and XEP-0446 file metadata.
 */
public final class MediaElements {

    private MediaElements() {
    }

    /** The XEP-0446 element describing the attachment. */
    public static FileMetadataElement fileMetadata(MediaAttachment media) {
        List<FileMetadataElement.Thumbnail> thumbnails = media.thumbnail() == null ? List.of()
                : List.of(new FileMetadataElement.Thumbnail(media.thumbnail().url(), media.thumbnail().mediaType(),
                        media.thumbnail().width(), media.thumbnail().height()));
        return new FileMetadataElement(new FileMetadataElement.Metadata(media.mediaType(), media.name(), media.size(),
                media.width(), media.height(), media.duration() == null ? null : media.duration().toMillis(),
                media.sha256() == null ? null : HexFormat.of().parseHex(media.sha256()), thumbnails));
    }

    /**
     * The file a received message shares, or null for a text. A message shares a file when it carries XEP-0066
     * out-of-band data whose URL is the whole body (or there is no body), as standard clients send it; XEP-0446
     * metadata, when present, says what the file is. Without metadata, the name comes from the URL and the media
     * type from the name.
     */
    public static MediaAttachment read(Message message) {
        OutOfBandDataElement oob = message.getExtension(OutOfBandDataElement.class);
        if (oob == null || !isHttpUrl(oob.url())) {
            return null;
        }
        String body = message.getBody();
        if (body != null && !body.isBlank() && !body.strip().equals(oob.url())) {
            return null; // a text that merely links to something
        }
        FileMetadataElement file = message.getExtension(FileMetadataElement.class);
        FileMetadataElement.Metadata metadata = file == null ? null : file.metadata();
        if (metadata == null) {
            String name = MediaNames.fromUrl(oob.url());
            return new MediaAttachment(oob.url(), name, MediaTypes.fromName(name), null, null, null, null, null,
                    null);
        }
        String name = metadata.name() != null ? MediaNames.safe(metadata.name()) : MediaNames.fromUrl(oob.url());
        String mediaType = metadata.mediaType() != null ? metadata.mediaType() : MediaTypes.fromName(name);
        FileMetadataElement.Thumbnail thumbnail = metadata.thumbnails().stream()
                .filter(t -> isHttpUrl(t.uri())).findFirst().orElse(null);
        return new MediaAttachment(oob.url(), name, mediaType, metadata.size(), metadata.width(), metadata.height(),
                metadata.length() == null ? null : Duration.ofMillis(metadata.length()),
                metadata.sha256() == null ? null : HexFormat.of().formatHex(metadata.sha256()),
                thumbnail == null ? null : new MediaAttachment.Thumbnail(thumbnail.uri(),
                        thumbnail.mediaType(), thumbnail.width(), thumbnail.height()));
    }

    /** Only web links are media: other schemes (file:, javascript:…) are never fetched. */
    static boolean isHttpUrl(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !lower.contains(" ");
    }
}
