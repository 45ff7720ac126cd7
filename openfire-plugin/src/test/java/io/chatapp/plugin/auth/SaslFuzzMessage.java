package io.chatapp.plugin.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A first SASL message for the token mechanisms, built from their grammar with every part varied: for OAUTHBEARER
 * (RFC 7628) the GS2 header's flag and {@code a=} authorization id (with good and bad escapes), missing or extra
 * {@code \x01} separators, and key-value pairs ({@code auth=Bearer <token>}, other schemes and keys, a key twice,
 * huge values); for X-OAUTH2 the NUL-separated authorization id, user name and token. The token is a real one,
 * mutated or not, or random text. The bytes may then get invalid UTF-8 or NULs put in; or the message is just random
 * bytes.
 *
 * @param mechanism  {@code OAUTHBEARER} or {@code X-OAUTH2}
 * @param flag       the GS2 channel-binding flag ({@code n}, {@code y}, {@code p=…} or worse)
 * @param authzid    the authorization id as sent (escaped), or null for none
 * @param user       X-OAUTH2's user name
 * @param pairs      OAUTHBEARER's key-value pairs; {@link #TOKEN} stands for the token
 * @param separators how many {@code \x01} (OAUTHBEARER) or NULs (X-OAUTH2) separate the parts
 * @param token      which token is sent: 0 = alice's, 1 = bob's, 2 = alice's mutated, 3 = {@code text}
 * @param mutations  the mutations of alice's token
 * @param text       a random token
 * @param badBytes   bytes put into the encoded message at {@code at} (modulo its length), if any
 * @param at         where
 * @param random     when not null, the whole message instead of all the above
 */
record SaslFuzzMessage(String mechanism, String flag, String authzid, String user, List<String> pairs,
                       int separators, int token, List<TextMutation> mutations, String text, byte[] badBytes, int at,
                       byte[] random) {

    static final String TOKEN = "\uE000token\uE000";
    private static final List<String> AUTHZIDS = List.of("alice", "Alice", "ALICE@example.org", "alice@example.org",
            "bob", "bob@example.org", "alice@other.org", "", "=2C", "=3D", "=ZZ", "alice=2C", "al=3Dice", "=", "=2",
            "alice,", "a=alice", "\u0000", "alice\u0000bob", "\u212Aelvin", "\u0430lice", "x".repeat(70));
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, new byte[] {0}, new byte[] {1}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80});

    /** The message as sent, for these real tokens. */
    byte[] bytes(String aliceToken, String bobToken) {
        if (random != null) {
            return random;
        }
        String sent = switch (token) {
            case 0 -> aliceToken;
            case 1 -> bobToken;
            case 2 -> TextMutation.applyAll(aliceToken, mutations);
            default -> text;
        };
        String message = mechanism.equals(TokenSaslServer.OAUTHBEARER)
                ? flag + "," + (authzid == null ? "" : "a=" + authzid) + "," + "\u0001".repeat(separators)
                        + String.join("\u0001", pairs) + "\u0001\u0001"
                : (authzid == null ? "" : authzid) + "\u0000" + user + "\u0000".repeat(separators) + TOKEN;
        byte[] encoded = message.replace(TOKEN, sent).getBytes(StandardCharsets.UTF_8);
        if (badBytes == null) {
            return encoded;
        }
        int position = at % (encoded.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(encoded, 0, position);
        out.writeBytes(badBytes);
        out.write(encoded, position, encoded.length - position);
        return out.toByteArray();
    }

    static Arbitrary<SaslFuzzMessage> any() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", " ", "Bearer", "null", "x".repeat(9_000), "x".repeat(100_000), "a.b.c", "..",
                        "\u0000", "\u0001"));
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("auth=Bearer " + TOKEN, "auth=bearer " + TOKEN, "AUTH=BEARER " + TOKEN,
                        "auth=Bearer  " + TOKEN + " ", "auth=Bearer\t" + TOKEN, "auth=Bearer" + TOKEN,
                        "auth=Basic " + TOKEN, "auth=Bearer " + TOKEN + "\u0000x", "auth=" + TOKEN)),
                Tuple.of(2, Arbitraries.of("host=example.org", "port=5222", "auth=Bearer ", "auth=", "=", "",
                        "auth=Bearer garbage", "mfa=yes", "host=" + "h".repeat(100_000))),
                Tuple.of(1, text.map(value -> "auth=Bearer " + value)),
                Tuple.of(1, text));
        Arbitrary<String> authzid = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.of(AUTHZIDS)), Tuple.of(1, text));
        Arbitrary<byte[]> badBytes = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((byte[]) null)),
                Tuple.of(1, Arbitraries.of(BAD_BYTES)));
        Arbitrary<byte[]> random = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just((byte[]) null)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)));
        Arbitrary<SaslFuzzMessage> grammar = Combinators.combine(
                Arbitraries.of(TokenSaslServer.OAUTHBEARER, TokenSaslServer.X_OAUTH2),
                Arbitraries.of("n", "y", "p=x", "p=tls-unique", "", "N", "x", "n,", "y,a=bob"),
                authzid,
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(AUTHZIDS)), Tuple.of(1, text)),
                pair.list().ofMaxSize(4),
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)), Tuple.of(1, Arbitraries.of(0, 2, 3))),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(1)),
                        Tuple.of(3, Arbitraries.just(2)), Tuple.of(2, Arbitraries.just(3))),
                TextMutation.any().list().ofMinSize(1).ofMaxSize(2))
                .as((mechanism, flag, id, user, pairs, separators, token, mutations) -> new SaslFuzzMessage(
                        mechanism, flag, id, user, pairs, separators, token, mutations, null, null, 0, null));
        return Combinators.combine(grammar, text, badBytes, Arbitraries.integers().between(0, 100_000), random)
                .as((message, token, bad, at, bytes) -> new SaslFuzzMessage(message.mechanism(), message.flag(),
                        message.authzid(), message.user(), message.pairs(), message.separators(), message.token(),
                        message.mutations(), token, bad, at, bytes));
    }
}
