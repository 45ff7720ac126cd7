/**
 * Jingle Message Initiation (XEP-0353, {@code urn:xmpp:jingle-message:0}): propose, ringing, proceed, reject,
 * retract and finish, one class per element with its provider nested as {@code Provider}.
 */
package io.chatapp.client.internal.calls.jmi;
