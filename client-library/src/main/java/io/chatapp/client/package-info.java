/**
 * The chat-app client library's public API: {@link io.chatapp.client.ChatClient} and one facade per feature, each
 * reached through an accessor, with immutable value types and listeners registered by {@code onX(...)} returning a
 * {@link io.chatapp.client.ListenerRegistration}. No Smack type appears in it.
 *
 * <ul>
 *   <li>Connection, accounts and login: RFC 6120/6121, XEP-0077 (in-band registration and password change; a
 *       refusal's {@link io.chatapp.client.ChatClientException.Reason} and the server's words for the rule broken in
 *       {@link io.chatapp.client.ChatClientException#serverText()}), XEP-0198 (stream management: resumption and
 *       acknowledgements), XEP-0199 (ping), token login over SASL OAUTHBEARER (RFC 7628) or X-OAUTH2 with
 *       {@link io.chatapp.client.TokenClient} for the server's token API.</li>
 *   <li>Contacts and presence ({@link io.chatapp.client.ContactList}, {@link io.chatapp.client.PresenceMode},
 *       {@link io.chatapp.client.Subscription}): RFC 6121 roster and presence.</li>
 *   <li>One-to-one messages: XEP-0359 (stanza and origin ids), XEP-0280 (carbons), XEP-0313 (archive, catch-up;
 *       {@link io.chatapp.client.History}), XEP-0184 and XEP-0333 (receipts and read markers;
 *       {@link io.chatapp.client.Receipts}), XEP-0085 (typing; {@link io.chatapp.client.Typing}), XEP-0424
 *       (retraction; {@link io.chatapp.client.Retractions}), XEP-0012 (last seen; {@link io.chatapp.client.LastSeen}),
 *       and the server's {@code urn:chatapp:receipts:0}, {@code urn:chatapp:archive:0} and
 *       {@code urn:chatapp:last-seen:0}.</li>
 *   <li>Media ({@link io.chatapp.client.Media}): XEP-0363 (upload), XEP-0066 and XEP-0446 (file sharing),
 *       XEP-0300 (hashes), XEP-0264 (thumbnails).</li>
 *   <li>Groups, on the server's group service (found by XEP-0030 service discovery, or
 *       {@link io.chatapp.client.ChatClientConfig#groupService()}): managed through
 *       {@link io.chatapp.client.GroupAdmin} and chatted in through
 *       {@link io.chatapp.client.GroupChat}: XEP-0045 (rooms), XEP-0313 (group archive), XEP-0359, XEP-0184 and
 *       XEP-0333 to the room, XEP-0054 and XEP-0486 (group image), and the server's {@code urn:chatapp:groups:0}
 *       (docs/protocol.md).</li>
 * </ul>
 */
package io.chatapp.client;
