package io.chatapp.plugin.stories;

import java.time.Instant;

/**
 * One story as stored.
 *
 * @param body   the text of a text story, the caption of a media story (may be null)
 * @param color  background colour of a text story ({@code #rrggbb}), null otherwise
 * @param font   font of a text story, null otherwise
 * @param fileId the media file of an image or video story, null for text
 */
public record Story(String id, String owner, StoryKind kind, String body, String color, String font, String fileId,
                    Audience audience, Instant postedAt, Instant expiresAt) {

    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
