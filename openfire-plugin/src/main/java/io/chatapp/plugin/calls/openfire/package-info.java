/**
 * The calls feature on Openfire: {@link io.chatapp.plugin.calls.openfire.JmiInterceptor} reads the XEP-0353 signals
 * of the messages entering the server into the call tracker (a memory operation on the packet thread),
 * {@link io.chatapp.plugin.calls.openfire.ExternalServicesIqHandler} answers XEP-0215 ({@code urn:xmpp:extdisco:2}) on
 * the domain with STUN/TURN and TURN credentials, and {@link io.chatapp.plugin.calls.openfire.CallLogIqHandler}
 * answers {@code urn:chatapp:calls:0} (the call log, paged with XEP-0059; marking missed calls seen) on the feature's
 * threads. Both namespaces are advertised in the server's disco#info.
 */
package io.chatapp.plugin.calls.openfire;
