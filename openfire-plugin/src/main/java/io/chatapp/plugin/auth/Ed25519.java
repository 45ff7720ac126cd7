package io.chatapp.plugin.auth;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 signing and verification with BouncyCastle's RFC 8032 code, which is several times faster than the JDK's
 * (see docs/benchmarks.md). Keys stay JDK keys everywhere else (generated, stored and published by
 * {@link SigningKeys}); this class turns their standard encodings into BouncyCastle's form, once per key.
 *
 * <p>Only the exact DER encodings of an Ed25519 key are accepted (X.509 SubjectPublicKeyInfo and PKCS#8 v1 with the
 * Ed25519 object identifier 1.3.101.112), which is what the JDK writes: anything else, Ed448 or a key of another
 * algorithm included, is refused rather than guessed at.
 */
final class Ed25519 {

    static final int SIGNATURE_LENGTH = 64;
    private static final int KEY_LENGTH = 32;
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) } followed by the 32-byte point. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING } } then the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
            0x70, 0x04, 0x22, 0x04, 0x20};

    private Ed25519() {
    }

    /** BouncyCastle's form of an Ed25519 public key; validates the point. */
    static Ed25519PublicKeyParameters publicKey(PublicKey key) {
        return new Ed25519PublicKeyParameters(raw(key.getEncoded(), X509_PREFIX, "public"), 0);
    }

    /** BouncyCastle's form of an Ed25519 private key. */
    static Ed25519PrivateKeyParameters privateKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        try {
            return new Ed25519PrivateKeyParameters(raw(encoded, PKCS8_PREFIX, "private"), 0);
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] data) {
        byte[] signature = new byte[SIGNATURE_LENGTH];
        key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, data, 0, data.length, signature, 0);
        return signature;
    }

    static boolean verify(Ed25519PublicKeyParameters key, byte[] data, byte[] signature) {
        return signature != null && signature.length == SIGNATURE_LENGTH
                && key.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, data, 0, data.length,
                signature, 0);
    }

    private static byte[] raw(byte[] encoded, byte[] prefix, String kind) {
        if (encoded == null || encoded.length != prefix.length + KEY_LENGTH
                || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalArgumentException("Not an Ed25519 " + kind + " key in its standard encoding");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }
}
