package io.chatapp.plugin.groups;

/**
 * A group's image: the room's vCard-temp PHOTO (XEP-0486).
 *
 * @param mimeType e.g. {@code image/png}
 * @param bytes    the image
 * @param sha1     hex SHA-1 of the bytes (the XEP-0153 photo hash)
 */
public record GroupImage(String mimeType, byte[] bytes, String sha1) {

    /** An image with its hash computed. */
    public static GroupImage of(String mimeType, byte[] bytes) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(bytes);
            return new GroupImage(mimeType, bytes.clone(), java.util.HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
