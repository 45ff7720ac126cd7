/**
 * Notifications for devices that are not connected: XEP-0357 push registrations (enable/disable per device, with the
 * app server's publish-options), what is worth a push (one-to-one messages with a body, group messages at the
 * user's level, incoming calls as urgent; never typing, receipts or markers), each user's preferences (previews,
 * per-chat mute with an expiry, group level), and the dispatcher that batches, rate-limits, retries and drops
 * devices whose app server says they are gone, on its own thread. Its Openfire binding is {@code push.openfire}.
 */
package io.chatapp.plugin.push;
