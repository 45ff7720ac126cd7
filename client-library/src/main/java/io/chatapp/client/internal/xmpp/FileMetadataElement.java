package io.chatapp.client.internal.xmpp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0446 {@code <file xmlns="urn:xmpp:file:metadata:0">}: what a shared file is (media type, name, size,
 * dimensions, play length, a XEP-0300 SHA-256 hash) with XEP-0264 thumbnails. Every field is optional; numbers
 * that do not parse are left out rather than failing the whole message. Smack 4.4 has no such element.
 */
public final class FileMetadataElement extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:file:metadata:0";
    public static final String ELEMENT = "file";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);
    /** XEP-0300's namespace of the {@code <hash/>} child. */
    public static final String HASH_NAMESPACE = "urn:xmpp:hashes:2";
    /** XEP-0264's namespace of the {@code <thumbnail/>} children. */
    public static final String THUMBNAIL_NAMESPACE = "urn:xmpp:thumbs:1";
    public static final String SHA_256 = "sha-256";

    /**
     * A XEP-0264 thumbnail.
     *
     * @param uri       where it is
     * @param mediaType its media type, or null
     * @param width     its width, or null
     * @param height    its height, or null
     */
    public record Thumbnail(String uri, String mediaType, Integer width, Integer height) {
    }

    /**
     * The metadata; null leaves a field out.
     *
     * @param length        play length in milliseconds
     * @param sha256        the SHA-256 digest (32 bytes)
     */
    public record Metadata(String mediaType, String name, Long size, Integer width, Integer height, Long length,
                           byte[] sha256, List<Thumbnail> thumbnails) {

        public Metadata {
            thumbnails = thumbnails == null ? List.of() : List.copyOf(thumbnails);
        }
    }

    private final Metadata metadata;

    public FileMetadataElement(Metadata metadata) {
        super(QNAME);
        this.metadata = metadata;
    }

    public Metadata metadata() {
        return metadata;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace).rightAngleBracket()
                .optElement("media-type", metadata.mediaType())
                .optElement("name", metadata.name())
                .optElement("size", metadata.size())
                .optElement("width", metadata.width())
                .optElement("height", metadata.height())
                .optElement("length", metadata.length());
        if (metadata.sha256() != null) {
            xml.halfOpenElement("hash").xmlnsAttribute(HASH_NAMESPACE).attribute("algo", SHA_256).rightAngleBracket()
                    .append(Base64.getEncoder().encodeToString(metadata.sha256())).closeElement("hash");
        }
        for (Thumbnail thumbnail : metadata.thumbnails()) {
            xml.halfOpenElement("thumbnail").xmlnsAttribute(THUMBNAIL_NAMESPACE)
                    .attribute("uri", thumbnail.uri())
                    .optAttribute("media-type", thumbnail.mediaType())
                    .optAttribute("width", thumbnail.width() == null ? null : thumbnail.width().toString())
                    .optAttribute("height", thumbnail.height() == null ? null : thumbnail.height().toString())
                    .closeEmptyElement();
        }
        return xml.closeElement(this);
    }

    /** Parses {@code <file/>}, tolerating unknown children, other hash algorithms and XEP-0446 v0.1's dimensions. */
    public static final class Provider extends ExtensionElementProvider<FileMetadataElement> {

        @Override
        public FileMetadataElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            Fields fields = new Fields();
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == initialDepth + 1) {
                    fields.read(parser);
                } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                    return new FileMetadataElement(fields.metadata());
                }
            }
        }
    }

    /** The fields read so far. */
    private static final class Fields {
        private String mediaType;
        private String name;
        private Long size;
        private Integer width;
        private Integer height;
        private Long length;
        private byte[] sha256;
        private final List<Thumbnail> thumbnails = new ArrayList<>();

        void read(XmlPullParser parser) throws XmlPullParserException, IOException {
            switch (parser.getName()) {
                case "media-type" -> mediaType = blankToNull(parser.nextText());
                case "name" -> name = blankToNull(parser.nextText());
                case "size" -> size = positiveLong(parser.nextText());
                case "width" -> width = positiveInt(parser.nextText());
                case "height" -> height = positiveInt(parser.nextText());
                case "length" -> length = positiveLong(parser.nextText());
                case "dimensions" -> dimensions(parser.nextText());
                case "hash" -> hash(Elements.attribute(parser, "algo"), parser.nextText());
                case "thumbnail" -> {
                    String uri = Elements.attribute(parser, "uri");
                    if (uri != null) {
                        thumbnails.add(new Thumbnail(uri, Elements.attribute(parser, "media-type"),
                                positiveInt(Elements.attribute(parser, "width")),
                                positiveInt(Elements.attribute(parser, "height"))));
                    }
                    Elements.skipToEnd(parser, parser.getDepth());
                }
                default -> Elements.skipToEnd(parser, parser.getDepth());
            }
        }

        private void hash(String algorithm, String value) {
            if (algorithm == null || !SHA_256.equals(algorithm.toLowerCase(Locale.ROOT))) {
                return;
            }
            try {
                byte[] digest = Base64.getMimeDecoder().decode(value.strip());
                sha256 = digest.length == 32 ? digest : null;
            } catch (IllegalArgumentException notBase64) {
                sha256 = null;
            }
        }

        /** XEP-0446 0.1 wrote {@code <dimensions>800x600</dimensions>}. */
        private void dimensions(String text) {
            String[] parts = text.strip().split("x");
            if (parts.length == 2) {
                width = width != null ? width : positiveInt(parts[0]);
                height = height != null ? height : positiveInt(parts[1]);
            }
        }

        Metadata metadata() {
            return new Metadata(mediaType, name, size, width, height, length, sha256, thumbnails);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Long positiveLong(String text) {
        try {
            long value = Long.parseLong(text == null ? "" : text.strip());
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer positiveInt(String text) {
        Long value = positiveLong(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }
}
