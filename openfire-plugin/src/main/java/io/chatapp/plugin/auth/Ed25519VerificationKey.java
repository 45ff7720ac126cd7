package io.chatapp.plugin.auth;

import java.security.PublicKey;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A verification key as handed to the JWT parser: the key source's own public key ({@code source}, to notice when
 * the source replaces it) and BouncyCastle's decoded form of it, made once rather than on every verification.
 */
record Ed25519VerificationKey(String kid, PublicKey source, Ed25519PublicKeyParameters parameters)
        implements PublicKey {

    static Ed25519VerificationKey of(String kid, PublicKey source) {
        return new Ed25519VerificationKey(kid, source, Ed25519.publicKey(source));
    }

    @Override
    public String getAlgorithm() {
        return "Ed25519";
    }

    @Override
    public String getFormat() {
        return source.getFormat();
    }

    @Override
    public byte[] getEncoded() {
        return source.getEncoded();
    }
}
