/**
 * The media feature's binding to Openfire; portable API only. The XEP-0363 upload service as a Tinder component on
 * {@code upload.<domain>}, found by standard clients through service discovery.
 */
package io.chatapp.plugin.media.openfire;
