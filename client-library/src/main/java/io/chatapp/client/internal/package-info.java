/**
 * How the public API works, not part of it (may change in any release): the message pipeline deciding what reaches
 * the app (free of Smack, so it is tested alone), the catch-up after each new session, receipt and typing throttles
 * (XEP-0184, XEP-0333, XEP-0085), the event thread, token logins and their refresh (SASL OAUTHBEARER, RFC 7628),
 * and the library's own strict JSON parser (RFC 8259) for the token API, so the library needs no JSON dependency.
 */
package io.chatapp.client.internal;
