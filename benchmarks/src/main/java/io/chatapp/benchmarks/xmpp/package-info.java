/**
 * The harness the messaging load generators share: a server under test (Openfire with or without the plugin) booted
 * in a JVM of its own, Smack connections to it, the tag each message carries to measure its latency, and the
 * comparison table of the two servers.
 */
package io.chatapp.benchmarks.xmpp;
