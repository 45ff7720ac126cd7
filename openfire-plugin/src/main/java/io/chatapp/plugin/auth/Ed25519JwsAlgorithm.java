package io.chatapp.plugin.auth;

import io.jsonwebtoken.security.InvalidKeyException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * JWS algorithm {@code EdDSA} for the JWT parser, verifying with BouncyCastle's Ed25519 instead of the JDK's. It is
 * the only algorithm the parser knows. It verifies only with an {@link Ed25519VerificationKey}, which the key
 * locator makes from a key the key source vouches for; it does not sign ({@link AccessTokenWriter} does).
 */
final class Ed25519JwsAlgorithm implements SecureDigestAlgorithm<PrivateKey, PublicKey> {

    static final String ID = "EdDSA";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public byte[] digest(SecureRequest<InputStream, PrivateKey> request) {
        throw new UnsupportedOperationException("Access tokens are signed by AccessTokenWriter");
    }

    @Override
    public boolean verify(VerifySecureDigestRequest<PublicKey> request) {
        if (!(request.getKey() instanceof Ed25519VerificationKey key)) {
            throw new InvalidKeyException("Only Ed25519 verification keys from the key source are accepted");
        }
        try (InputStream signed = request.getPayload()) {
            return Ed25519.verify(key.parameters(), signed.readAllBytes(), request.getDigest());
        } catch (IOException e) {
            throw new SignatureException("Cannot read the signed part of the token", e);
        }
    }
}
