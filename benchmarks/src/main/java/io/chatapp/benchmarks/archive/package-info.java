/**
 * Load generator for the message archive (XEP-0313, issue 4 targets): the plugin's archive writing and paging
 * exactly as the server uses them, on an embedded PostgreSQL of its own.
 */
package io.chatapp.benchmarks.archive;
