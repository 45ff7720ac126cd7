/**
 * The plugin's own small HTTP/1.1 server on its own port, kept apart from the Jetty inside Openfire: one selector
 * thread reading request heads without blocking, a bounded worker pool, deadlines and connection caps against slow
 * clients, strict request parsing (RFC 9110, RFC 9112) and JSON bodies in and out (with Jackson). Routes of every
 * feature register here; nothing in this package knows a feature.
 */
package io.chatapp.plugin.http;
