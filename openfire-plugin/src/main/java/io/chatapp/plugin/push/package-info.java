/**
 * Notifications for devices that are not connected: XEP-0357 push registrations (enable/disable per device, with the
 * app server's publish-options) and WebPush subscriptions, what is worth a push (one-to-one messages with a body,
 * group messages at the user's level, incoming calls as urgent, missed calls, and contacts' stories for users who
 * turned story pushes on; never typing, receipts or markers), each user's preferences (previews, story pushes,
 * per-chat mute with an expiry, group level), unread counts per chat (one-to-one and groups), and the dispatcher
 * that batches, rate-limits, retries and drops devices whose app server says they are gone, on its own thread. Its
 * Openfire binding is {@code push.openfire}.
 */
package io.chatapp.plugin.push;
