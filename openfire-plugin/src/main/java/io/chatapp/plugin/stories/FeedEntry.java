package io.chatapp.plugin.stories;

import java.time.Instant;

/** A contact with live stories in a user's feed: how many, how many not seen yet, the latest, and whether muted. */
public record FeedEntry(String owner, int stories, int unseen, Instant latest, boolean muted) {
}
