/**
 * The library's XMPP wire format on Smack: extension elements and IQs Smack 4.4 lacks (XEP-0066 out-of-band data,
 * XEP-0446 file metadata with XEP-0300 hashes and XEP-0264 thumbnails, XEP-0424 version 1 retraction, XEP-0428
 * fallback, and the {@code urn:chatapp:*} protocols of docs/protocol.md), their providers, XEP-0082 times, XEP-0363
 * slots, and the requests the library makes of the server.
 */
package io.chatapp.client.internal.xmpp;
