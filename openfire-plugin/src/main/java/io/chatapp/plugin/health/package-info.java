/**
 * {@code GET /health}: the plugin's version and whether its database answers, for load balancers and monitors.
 */
package io.chatapp.plugin.health;
