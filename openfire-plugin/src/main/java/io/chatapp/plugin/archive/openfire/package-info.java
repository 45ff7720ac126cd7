/**
 * The archive feature's binding to Openfire; portable API only. Interceptors enforce the body limit, stamp and
 * archive messages (XEP-0359 stanza-id), link media messages (XEP-0066 URL) to their files and hold back XEP-0424
 * retractions until checked; IQ handlers answer XEP-0313 queries and {@code urn:chatapp:archive:0}.
 */
package io.chatapp.plugin.archive.openfire;
