/**
 * The plugin's own PostgreSQL schema: the connection pool, versioned migrations applied at start-up, batching for
 * writer threads and a local write-ahead journal for what they have accepted (one per feature, {@code ItemJournal}), the Openfire nodes on the database, and secret keys rotated and shared by every node.
 */
package io.chatapp.plugin.storage;
