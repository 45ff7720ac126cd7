package io.chatapp.it.faults;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SASL SCRAM-SHA-1 (RFC 5802), as standard clients log in to the dev server. The salted password
 * is cached per password, salt and iteration count, as RFC 5802 allows clients to do: the key derivation (10,000
 * iterations) is then paid once, not once per connection of a flood.
 */
final class ScramSha1 {

    private static final Map<String, byte[]> SALTED = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private final String clientFirstBare;

    ScramSha1(String username, String password) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        this.username = username;
        this.password = password;
        this.clientFirstBare = "n=" + username + ",r=" + HexFormat.of().formatHex(nonce);
    }

    /** The initial response, base64. */
    String clientFirst() {
        return base64(("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to the server's challenge (base64 in, base64 out). */
    String clientFinal(String challengeBase64) {
        String serverFirst = new String(Base64.getDecoder().decode(challengeBase64.trim()), StandardCharsets.UTF_8);
        String nonce = null;
        String salt = null;
        int iterations = 0;
        for (String field : serverFirst.split(",")) {
            switch (field.substring(0, 2)) {
                case "r=" -> nonce = field.substring(2);
                case "s=" -> salt = field.substring(2);
                case "i=" -> iterations = Integer.parseInt(field.substring(2));
                default -> { }
            }
        }
        String withoutProof = "c=biws,r=" + nonce;
        try {
            byte[] salted = saltedPassword(password, salt, iterations);
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-1").digest(clientKey);
            byte[] signature = hmac(storedKey, clientFirstBare + "," + serverFirst + "," + withoutProof);
            byte[] proof = new byte[clientKey.length];
            for (int i = 0; i < proof.length; i++) {
                proof[i] = (byte) (clientKey[i] ^ signature[i]);
            }
            return base64((withoutProof + ",p=" + base64(proof)).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-1 for " + username, e);
        }
    }

    /** SaltedPassword of RFC 5802 (PBKDF2 with HMAC-SHA-1), computed once per password, salt and count. */
    static byte[] saltedPassword(String password, String saltBase64, int iterations) {
        return SALTED.computeIfAbsent(password + "\0" + saltBase64 + "\0" + iterations, key -> {
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(new PBEKeySpec(
                        password.toCharArray(), Base64.getDecoder().decode(saltBase64), iterations, 160)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
