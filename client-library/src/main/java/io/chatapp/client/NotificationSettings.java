package io.chatapp.client;

import java.util.Map;

/**
 * This account's notification preferences, as the server keeps them for every device, with its unread counts.
 *
 * @param previews whether pushes may carry message text
 * @param chats    the chats with a setting of their own, by bare address
 * @param unread   unread one-to-one messages per chat (peer's bare address); chats with none are left out
 */
public record NotificationSettings(boolean previews, Map<String, ChatNotifications> chats,
                                   Map<String, Integer> unread) {
}
