/**
 * Login and tokens: access tokens as EdDSA-signed JWTs (RFC 7519, RFC 8037) with keys shared by every node,
 * single-use refresh tokens, revocation, the brute-force login guard, and XMPP login with a token through SASL
 * OAUTHBEARER (RFC 7628) and X-OAUTH2. The SASL parts are plain JCA and javax.security.sasl, so nothing here knows
 * Openfire; the user store is reached through {@link io.chatapp.plugin.auth.Accounts}.
 */
package io.chatapp.plugin.auth;
