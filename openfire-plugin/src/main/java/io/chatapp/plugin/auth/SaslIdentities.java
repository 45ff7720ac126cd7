package io.chatapp.plugin.auth;

import java.nio.charset.StandardCharsets;

/**
 * The user name a client claims in its first SASL message, read before the mechanism checks anything, so that a
 * locked account is refused without its password being tried. Null when the mechanism does not name the user (an
 * OAUTHBEARER message without {@code a=}); such attempts are counted against the client address only.
 */
final class SaslIdentities {

    private SaslIdentities() {
    }

    static String claimedUser(String mechanism, byte[] firstResponse) {
        if (firstResponse == null || firstResponse.length == 0) {
            return null;
        }
        String message = new String(firstResponse, StandardCharsets.UTF_8);
        return switch (mechanism) {
            // [authzid] NUL authcid NUL secret
            case "PLAIN", TokenSaslServer.X_OAUTH2 -> {
                String[] parts = message.split("\u0000", -1);
                yield parts.length == 3 && !parts[1].isEmpty() ? parts[1] : null;
            }
            // gs2-header "n=" saslname ",r=" nonce  (RFC 5802); the header is "n,," or "n,a=authzid,"
            case "SCRAM-SHA-1" -> attribute(message, "n=", 2);
            // gs2-header with an optional "a=" authzid (RFC 7628)
            case TokenSaslServer.OAUTHBEARER -> attribute(message.split("\u0001", 2)[0], "a=", 1);
            default -> null;
        };
    }

    /** The value of {@code key} among the comma-separated fields, skipping {@code skip} leading fields. */
    private static String attribute(String message, String key, int skip) {
        String[] fields = message.split(",", -1);
        for (int i = skip; i < fields.length; i++) {
            if (fields[i].startsWith(key)) {
                return fields[i].substring(key.length()).replace("=2C", ",").replace("=3D", "=");
            }
        }
        return null;
    }
}
