package io.chatapp.client;

import java.time.Instant;

/** A contact with live stories shared with this account: how many, how many not yet viewed, the latest, muted. */
public record StoryFeedEntry(String owner, int stories, int unseen, Instant latest, boolean muted) {
}
