package io.chatapp.plugin.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a file judged from its first bytes alone (Apache Tika's magic numbers), never from its name
 * or the type its uploader declared. Public for the groups' images, which are checked the same way.
 */
public final class ContentSniffer {

    /** How many leading bytes are looked at (enough for every magic pattern Tika's types need). */
    static final int HEAD_BYTES = 64 * 1024;

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private ContentSniffer() {
    }

    /** The type of {@code bytes}, judged from their first {@link #HEAD_BYTES}. */
    public static String sniff(byte[] bytes) {
        return sniff(bytes, Math.min(bytes.length, HEAD_BYTES));
    }

    static String sniff(byte[] head, int length) {
        try {
            MediaType type = TYPES.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
