/**
 * The file side of media sharing, free of XMPP: what a file is (type, size, SHA-256, dimensions, play length) read
 * without holding it in memory, safe names (XEP-0446 leaves them to the receiver), the streamed PUT of a XEP-0363
 * upload slot and downloads saved only once verified.
 */
package io.chatapp.client.internal.media;
