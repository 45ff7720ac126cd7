package io.chatapp.client;

import java.util.Map;

/**
 * This account's notification preferences, as the server keeps them for every device, with its unread counts.
 *
 * @param previews whether pushes may carry message text
 * @param stories  whether this account's devices are pushed when a contact posts a story (off unless turned on)
 * @param chats    the chats with a setting of their own, by bare address
 * @param unread   unread messages per chat: a contact's or a group's bare address (a group counts the other members'
 *                 messages since this account joined it); chats with none are left out
 */
public record NotificationSettings(boolean previews, boolean stories, Map<String, ChatNotifications> chats,
                                   Map<String, Integer> unread) {
}
