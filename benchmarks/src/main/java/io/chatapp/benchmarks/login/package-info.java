/**
 * Load generator for login latency on a real server: full XMPP logins (TCP, STARTTLS, SASL, resource binding) with
 * a password or an access token from the token API (SASL OAUTHBEARER, RFC 7628, which Smack lacks); and the latency
 * percentiles every load generator reports.
 */
package io.chatapp.benchmarks.login;
