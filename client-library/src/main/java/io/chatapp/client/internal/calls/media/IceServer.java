package io.chatapp.client.internal.calls.media;

/**
 * A STUN or TURN server as WebRTC takes it ({@code stun:host:port}, {@code turn:host:port?transport=udp}), from the
 * server's XEP-0215 answer. Username and password are null for STUN.
 */
public record IceServer(String url, String username, String password) {
}
