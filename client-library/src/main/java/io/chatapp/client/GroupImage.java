package io.chatapp.client;

/**
 * A group's image (the room's vCard PHOTO).
 *
 * @param mimeType e.g. {@code image/png}
 * @param bytes    the image
 */
public record GroupImage(String mimeType, byte[] bytes) {

    public GroupImage {
        if (mimeType == null || !mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("mimeType must be image/…");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
