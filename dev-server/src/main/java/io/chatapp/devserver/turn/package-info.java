/**
 * A real TURN/STUN server for tests, and just enough of a STUN/TURN client to prove what it hands out.
 *
 * <p>{@link io.chatapp.devserver.turn.CoturnServer} runs Debian's {@code turnserver} (package {@code coturn},
 * installed by {@code scripts/install-test-tools.sh}) with a configuration of its own: the TURN REST API's shared
 * secret ({@code use-auth-secret}), a realm, a free port on 127.0.0.1, no TLS, no CLI, its log in the given folder.
 * The child dies with the JVM (its wrapper shell ends it when the JVM's pipe closes) and is stopped by
 * {@link io.chatapp.devserver.turn.CoturnServer#close()}.
 *
 * <p>{@link io.chatapp.devserver.turn.TurnClient} speaks STUN (RFC 8489) Binding and TURN (RFC 8656) Allocate over
 * UDP with long-term credentials (401 challenge with realm and nonce, then MESSAGE-INTEGRITY);
 * {@link io.chatapp.devserver.turn.StunMessage} encodes and decodes the messages.
 */
package io.chatapp.devserver.turn;
