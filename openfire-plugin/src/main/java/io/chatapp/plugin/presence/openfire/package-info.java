/**
 * The presence feature's binding to Openfire; portable API only. Notes when users go offline, applies last-seen
 * visibility to XEP-0012 queries, answers the visibility IQ, and drops XEP-0085 chat states to users with no online
 * device.
 */
package io.chatapp.plugin.presence.openfire;
