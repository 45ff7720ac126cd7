package io.chatapp.client;

import java.time.Instant;

/**
 * A status story as the server gives it to this account.
 *
 * @param id        the server's id of the story
 * @param owner     bare JID of who posted it
 * @param text      the text of a {@link StoryKind#TEXT} story, else null
 * @param color     the background colour of a text story ({@code #rrggbb}), or null
 * @param font      the font of a text story, or null
 * @param media     the image or video, else null
 * @param caption   the caption of a media story, or null
 * @param expiresAt when it disappears for everyone
 * @param seen      whether this account viewed it (always true for its own)
 * @param views     for its owner, how many listed viewers it has; null for anyone else
 */
public record Story(String id, String owner, StoryKind kind, String text, String color, String font,
                    StoryMedia media, String caption, Instant postedAt, Instant expiresAt, boolean seen,
                    Integer views) {
}
