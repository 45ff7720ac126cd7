package io.chatapp.client;

import java.time.Instant;

/** Someone who viewed one of this account's stories, and when they first did. */
public record StoryViewer(String jid, Instant viewedAt) {
}
