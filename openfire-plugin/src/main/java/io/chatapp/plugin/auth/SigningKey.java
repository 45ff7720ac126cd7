package io.chatapp.plugin.auth;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

/** An Ed25519 key pair that signs access tokens, named by its key id ({@code kid}). */
public record SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey, Instant createdAt) {
}
