package io.chatapp.plugin.media;

import java.time.Instant;

/**
 * A stored file as the media table records it.
 *
 * @param owner     bare JID of the uploader
 * @param mediaType the type sniffed from its bytes (or the declared one where sniffing could only confirm it)
 * @param sha256    lowercase hex SHA-256 of its bytes
 * @param width     pixels, images only (null otherwise)
 * @param thumbnail the thumbnail's size, when there is one
 * @param deletedAt when it was deleted or revoked; null while it may be served
 */
public record MediaFile(String fileId, String owner, String fileName, long size, String mediaType, String sha256,
                        Integer width, Integer height, Dimensions thumbnail, Instant createdAt, Instant deletedAt) {

    /** Width and height in pixels. */
    public record Dimensions(int width, int height) {
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
