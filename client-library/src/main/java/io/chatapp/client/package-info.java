/**
 * The library's public API: a typed Java client over Smack for chat-app servers and any XMPP server. {@link
 * io.chatapp.client.ChatClient} is one account's connection (registration by XEP-0077, password or token login by
 * SASL OAUTHBEARER (RFC 7628), stream management by XEP-0198); its facades are the features: contacts and presence,
 * messages with XEP-0359 ids, receipts and read markers (XEP-0184, XEP-0333), typing (XEP-0085), history
 * (XEP-0313), retraction (XEP-0424), last seen (XEP-0012), media (XEP-0363, XEP-0066, XEP-0446) and groups
 * (XEP-0045 rooms, XEP-0486 images). Apps use only this package, and no Smack type appears in its public API
 * (package-private classes such as the message hub hold the Smack side).
 */
package io.chatapp.client;
