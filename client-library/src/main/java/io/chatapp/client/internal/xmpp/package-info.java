/**
 * The Smack side of the library's features: readers from Smack stanzas into the pipeline's Smack-free values
 * ({@link io.chatapp.client.internal.xmpp.StanzaReader} for one-to-one messages,
 * {@link io.chatapp.client.internal.xmpp.GroupStanzaReader} for group rooms), the stanzas the library sends
 * ({@link io.chatapp.client.internal.xmpp.Stanzas}), the requests it makes
 * ({@link io.chatapp.client.internal.xmpp.ServerRequests}: XEP-0313 on this account's and each group's archive,
 * XEP-0012, message info), and one {@code ExtensionElement}/{@code IQ} with its provider for each extension Smack
 * 4.4 lacks, registered by {@link io.chatapp.client.internal.xmpp.ChatAppProviders}: the server's
 * {@code urn:chatapp:receipts:0}, {@code urn:chatapp:archive:0}, {@code urn:chatapp:last-seen:0} and
 * {@code urn:chatapp:groups:0}; XEP-0424 v1 (retraction); XEP-0066 and XEP-0446 (file sharing, with XEP-0300 hashes
 * and XEP-0264 thumbnails); and XEP-0363 upload slots.
 */
package io.chatapp.client.internal.xmpp;
