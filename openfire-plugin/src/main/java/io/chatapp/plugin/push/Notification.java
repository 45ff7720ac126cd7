package io.chatapp.plugin.push;

/**
 * Something a user's offline devices should hear of.
 *
 * @param kind      message, group message, call, missed call or story
 * @param chat      the chat it belongs to: the peer's bare JID, or the group's room JID (what mutes name)
 * @param sender    who sent it, as shown to the user (bare JID)
 * @param body      the message text, null when there is none (calls); sent only when the user allows previews
 * @param mentioned for a group message: whether the user is mentioned in it
 */
public record Notification(NotificationKind kind, String chat, String sender, String body, boolean mentioned) {
}
