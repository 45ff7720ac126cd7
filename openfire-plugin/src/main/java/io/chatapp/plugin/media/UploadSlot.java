package io.chatapp.plugin.media;

import java.time.Instant;

/**
 * An upload slot handed out by the XEP-0363 service: one PUT of exactly {@code size} bytes of {@code contentType} by
 * its owner before {@code expiresAt}, stored as file {@code fileId}.
 *
 * @param owner bare JID of the user who asked for it
 */
public record UploadSlot(String slotId, String fileId, String owner, String fileName, long size,
                         String contentType, Instant createdAt, Instant expiresAt) {
}
