/**
 * The push feature on Openfire's packet path: the XEP-0357 enable/disable handler, the notification preferences IQ,
 * the interceptor that turns routed messages into notifications, and the gateway that publishes to app servers
 * through Openfire's router and matches their answers.
 */
package io.chatapp.plugin.push.openfire;
