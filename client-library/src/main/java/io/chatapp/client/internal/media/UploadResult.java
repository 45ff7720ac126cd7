package io.chatapp.client.internal.media;

import io.chatapp.client.MediaAttachment;
import io.chatapp.client.internal.Json;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What a chat-app server answers a successful PUT with ({@code 201 Created}, docs/protocol.md): the download URL and
 * what it found in the bytes. Other servers answer without a body; then there is no result.
 *
 * @param url       the download URL
 * @param size      the stored size, or null
 * @param mediaType the type sniffed from the bytes, or null
 * @param sha256    the stored bytes' SHA-256 as lowercase hex, or null
 * @param width     image width, or null
 * @param height    image height, or null
 * @param thumbnail the thumbnail the server made, or null
 */
public record UploadResult(String url, Long size, String mediaType, String sha256, Integer width, Integer height,
                           MediaAttachment.Thumbnail thumbnail) {

    /** Reads the answer; null when it is not such a JSON object (it has no {@code url}). */
    public static UploadResult parse(String body) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(body == null ? "" : body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
        String url = text(json, "url");
        if (url == null) {
            return null;
        }
        MediaAttachment.Thumbnail thumbnail = null;
        if (json.get("thumbnail") instanceof Map<?, ?> thumb && thumb.get("url") instanceof String thumbUrl) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) thumb;
            thumbnail = new MediaAttachment.Thumbnail(thumbUrl, text(fields, "mediaType"), integer(fields, "width"),
                    integer(fields, "height"));
        }
        Long size = json.get("size") instanceof BigDecimal number ? exact(number) : null;
        String sha256 = text(json, "sha256");
        return new UploadResult(url, size, text(json, "mediaType"),
                sha256 == null ? null : sha256.toLowerCase(java.util.Locale.ROOT), integer(json, "width"),
                integer(json, "height"), thumbnail);
    }

    /** The {@code error} and {@code message} of an error answer, as one phrase; empty when it has neither. */
    public static String error(String body) {
        try {
            Map<String, Object> json = Json.parseObject(body == null ? "" : body);
            String message = text(json, "message");
            String error = text(json, "error");
            return message != null ? message : error != null ? error : "";
        } catch (IllegalArgumentException notJson) {
            return "";
        }
    }

    /** Whether an error answer names the account's quota. */
    public static boolean isQuotaError(String body) {
        return errorCode(body).contains("quota");
    }

    /**
     * Whether an error answer says the server's media store cannot take the file now (a chat-app server's
     * {@code insufficient_storage} or {@code storage_unavailable}, with {@code Retry-After}): not the account's doing.
     */
    public static boolean isStoreBusyError(String body) {
        String code = errorCode(body);
        return code.equals("insufficient_storage") || code.equals("storage_unavailable");
    }

    /** The {@code error} code of an error answer in lower case; empty when there is none. */
    private static String errorCode(String body) {
        try {
            Object error = Json.parseObject(body == null ? "" : body).get("error");
            return error instanceof String code ? code.toLowerCase(java.util.Locale.ROOT) : "";
        } catch (IllegalArgumentException notJson) {
            return "";
        }
    }

    private static String text(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value && !value.isBlank() ? value : null;
    }

    private static Integer integer(Map<String, Object> json, String name) {
        Long value = json.get(name) instanceof BigDecimal number ? exact(number) : null;
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static Long exact(BigDecimal number) {
        try {
            long value = number.longValueExact();
            return value >= 0 ? value : null;
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }
}
