package io.chatapp.plugin.push;

import io.chatapp.plugin.storage.RotatingKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The VAPID key pair (P-256), kept in {@code push_vapid_key} like the plugin's other keys, shared by every node. It is
 * the application server key every WebPush subscription is bound to, so replacing it would silently break every
 * device's pushes until it subscribes again: it is replaced only after {@link #ROTATION}.
 */
public final class VapidKeys {

    static final Duration ROTATION = Duration.ofDays(3_650);

    private final RotatingKeys<KeyPair> keys;

    public VapidKeys(DataSource dataSource, Clock clock) {
        this.keys = new RotatingKeys<>(dataSource, "push_vapid_key", new EcCodec(), ROTATION, Duration.ZERO, clock);
    }

    /** The current key pair; may read or create it in the database (never call it on a packet thread). */
    public KeyPair current() {
        return keys.current().key();
    }

    private static final class EcCodec implements RotatingKeys.Codec<KeyPair> {

        @Override
        public String algorithm() {
            return "ES256";
        }

        @Override
        public KeyPair generate(String kid, Instant createdAt) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no P-256 in this JDK", e);
            }
        }

        @Override
        public byte[] secretPart(KeyPair key) {
            return key.getPrivate().getEncoded();
        }

        @Override
        public byte[] publicPart(KeyPair key) {
            return key.getPublic().getEncoded();
        }

        @Override
        public KeyPair decode(String kid, byte[] secretPart, byte[] publicPart, Instant createdAt)
                throws SQLException {
            try {
                KeyFactory factory = KeyFactory.getInstance("EC");
                return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicPart)),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(secretPart)));
            } catch (GeneralSecurityException e) {
                throw new SQLException("stored VAPID key " + kid + " cannot be read", e);
            }
        }
    }
}
