package io.chatapp.plugin.media;

import java.time.Instant;

/**
 * Who, besides a share's sender and recipient, received a file shared with a conversation: the members of a group
 * when the recipient is a group's room. {@link MediaService#freshUrl} asks it, so a group's members may get a fresh
 * URL for a file shared in the group while the media package knows nothing of groups.
 */
@FunctionalInterface
public interface ShareAudience {

    /** One-to-one conversations only: nobody but the sender and the recipient. */
    ShareAudience NONE = (conversation, user, sharedAt) -> false;

    /** Whether {@code user} received what was shared with {@code conversation} at {@code sharedAt}. */
    boolean includes(String conversation, String user, Instant sharedAt);
}
