/**
 * Calls between real library clients on a real network, for the integration tests and the call benchmarks alike:
 * {@link io.chatapp.devserver.calls.CallNetwork} (network namespaces joined by a bridge, since libwebrtc gathers no
 * candidates on loopback), {@link io.chatapp.devserver.calls.CallParty} (one party as a program) and
 * {@link io.chatapp.devserver.calls.CallPartyProcess} (that program in its own JVM inside a namespace). The chat-app
 * client library is a provided dependency of the dev server: whoever uses this package has it on its class path.
 */
package io.chatapp.devserver.calls;
