package io.chatapp.plugin.stories;

import java.time.Instant;

/** Someone who viewed a story, and when (first time only). */
public record StoryViewer(String jid, Instant viewedAt) {
}
