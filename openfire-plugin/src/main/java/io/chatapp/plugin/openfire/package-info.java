/**
 * The plugin's entry point into Openfire and what every feature's binding shares, on the portable API that Openfire
 * 4.2 and 5.x have in common (see docs/architecture.md): settings from Openfire system properties, registrations
 * undone on unload, stanza routing, IQ handlers that answer off the packet thread, and the claims a client may not
 * make (XEP-0359 stanza ids).
 */
package io.chatapp.plugin.openfire;
