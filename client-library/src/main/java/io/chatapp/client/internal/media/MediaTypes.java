package io.chatapp.client.internal.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A file's media type: from its first bytes when they are a format we know (what the server's sniffing will see
 * too), else from its name's extension, else {@code application/octet-stream}.
 */
public final class MediaTypes {

    public static final String UNKNOWN = "application/octet-stream";
    /** How many leading bytes {@link #sniff} looks at. */
    public static final int SNIFF_BYTES = 32;

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
            Map.entry("bmp", "image/bmp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("3gp", "video/3gpp"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"),
            Map.entry("wav", "audio/wav"), Map.entry("flac", "audio/flac"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"), Map.entry("xml", "application/xml"),
            Map.entry("doc", "application/msword"), Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private MediaTypes() {
    }

    /** The type of a file named {@code name} starting with {@code head}. */
    public static String of(String name, byte[] head) {
        String sniffed = sniff(head);
        return sniffed != null ? sniffed : fromName(name);
    }

    /** The type its extension says, or {@code application/octet-stream}. */
    public static String fromName(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** The type the leading bytes show, or null when they are no format known here. */
    public static String sniff(byte[] head) {
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return "audio/wav";
        }
        if (ascii(head, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (ascii(head, 0, "OggS")) {
            return "audio/ogg";
        }
        if (ascii(head, 0, "fLaC")) {
            return "audio/flac";
        }
        if (ascii(head, 0, "ID3") || startsWith(head, 0, 0xFF, 0xFB)) {
            return "audio/mpeg";
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (ascii(head, 4, "ftyp")) {
            return isoBrand(head);
        }
        return null;
    }

    /** ISO base media files (MP4, QuickTime, 3GP, M4A) name their brand after {@code ftyp}. */
    private static String isoBrand(byte[] head) {
        String brand = head.length >= 12 ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "";
        return switch (brand) {
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B " -> "audio/mp4";
            case "3gp4", "3gp5", "3gp6", "3g2a" -> "video/3gpp";
            case "heic", "heix", "mif1" -> "image/heic";
            default -> "video/mp4";
        };
    }

    private static boolean startsWith(byte[] head, int offset, int... bytes) {
        if (head.length < offset + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[offset + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }
}
