package io.chatapp.plugin.auth;

import java.security.PublicKey;
import java.util.Optional;

/** Where access tokens get their signing key and find verification keys by id ({@link SigningKeys} in production). */
public interface KeySource {

    /** The key to sign with now. */
    SigningKey current();

    /** The public key for a key id, if tokens signed with it may still be accepted. */
    Optional<PublicKey> verificationKey(String kid);
}
