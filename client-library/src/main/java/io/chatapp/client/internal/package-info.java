/**
 * The library's inner workings, not an API: free of Smack so that they can be unit-tested without a server.
 *
 * <ul>
 *   <li>The message pipeline: {@link io.chatapp.client.internal.MessagePipeline} (one-to-one) and
 *       {@link io.chatapp.client.internal.GroupPipeline} (groups) decide what of each incoming message reaches the
 *       app, from shared parts: {@link io.chatapp.client.internal.DeliveredIds} (each XEP-0359 archive id once),
 *       {@link io.chatapp.client.internal.ArchivePaging} over {@link io.chatapp.client.internal.ArchivePage}s
 *       (XEP-0313 catch-up with XEP-0059 paging) and the acknowledgements' outbox
 *       ({@link io.chatapp.client.internal.ReceiptOutbox}, XEP-0184); {@link io.chatapp.client.internal.Resync}
 *       catches up one-to-one chats after each new session, {@link io.chatapp.client.internal.StatusTracker}
 *       follows sent messages' status, {@link io.chatapp.client.internal.TypingThrottle} paces XEP-0085 chat
 *       states.</li>
 *   <li>Sending: {@link io.chatapp.client.internal.SendWindow} bounds the stanzas awaiting XEP-0198
 *       acknowledgement.</li>
 *   <li>Token login: {@link io.chatapp.client.internal.TokenKeeper},
 *       {@link io.chatapp.client.internal.RefreshSchedule}, the SASL OAUTHBEARER / X-OAUTH2 mechanism, and
 *       {@link io.chatapp.client.internal.Json} for the token API's and the media service's bodies (no JSON
 *       dependency: see docs/architecture.md).</li>
 * </ul>
 */
package io.chatapp.client.internal;
