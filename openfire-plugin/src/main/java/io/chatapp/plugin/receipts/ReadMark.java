package io.chatapp.plugin.receipts;

import java.time.Instant;

/** A reader's position in the conversation with {@code with}: every message up to archive id {@code upToId} is read. */
public record ReadMark(String with, long upToId, Instant readAt) {
}
