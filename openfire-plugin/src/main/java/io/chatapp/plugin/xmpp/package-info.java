/**
 * XMPP pieces the features share without knowing Openfire: stanza errors (RFC 6120 section 8.3.3) that domain code
 * throws, XEP-0082 date-times, and the message body limit.
 */
package io.chatapp.plugin.xmpp;
