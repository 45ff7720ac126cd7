/**
 * Load generator for media throughput (issue 6 targets): XEP-0363 uploads and signed-URL downloads over loopback
 * against the dev server with the plugin.
 */
package io.chatapp.benchmarks.media;
