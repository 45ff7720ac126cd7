package io.chatapp.plugin.push;

import java.time.Instant;

/**
 * A user's notification setting for one chat.
 *
 * @param mutedUntil until when the chat is muted, null when it is not
 * @param groupLevel for a group, which messages are notified; null for the default ({@link GroupLevel#ALL})
 */
public record ChatSetting(Instant mutedUntil, GroupLevel groupLevel) {

    public static final ChatSetting DEFAULT = new ChatSetting(null, null);

    public boolean mutedAt(Instant now) {
        return mutedUntil != null && now.isBefore(mutedUntil);
    }

    public GroupLevel level() {
        return groupLevel == null ? GroupLevel.ALL : groupLevel;
    }
}
