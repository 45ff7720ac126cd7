package io.chatapp.client;

import java.time.Instant;

/**
 * This account's notification setting for one chat.
 *
 * @param mutedUntil until when the chat is muted (no pushes; calls still ring), null when it is not
 * @param level      for a group, which messages are notified
 */
public record ChatNotifications(Instant mutedUntil, NotificationLevel level) {
}
