/**
 * The call log's requests ({@code urn:chatapp:calls:0}, docs/protocol.md): {@link
 * io.chatapp.client.internal.xmpp.calls.CallLogIQ} pages the log with XEP-0059, {@link
 * io.chatapp.client.internal.xmpp.calls.CallsSeenIQ} marks missed calls seen.
 */
package io.chatapp.client.internal.xmpp.calls;
