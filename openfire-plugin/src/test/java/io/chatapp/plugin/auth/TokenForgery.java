package io.chatapp.plugin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.plugin.testing.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * How one forged token is made from a real one: its header and claims kept, edited field by field or replaced by
 * other JSON, re-encoded, signed again (with the issuer's key, another key, nothing or noise) or left with the
 * original signature, and finally mutated as text.
 *
 * @param header    the header's JSON, or null to keep the original segment as it is
 * @param claims    the claims' JSON, or null to keep the original segment as it is
 * @param encoding  how rewritten JSON is encoded
 * @param signing   what signature the token gets
 * @param mutations changes to the finished token's text
 */
record TokenForgery(JsonRewrite header, JsonRewrite claims, Encoding encoding, Signing signing,
                    List<TextMutation> mutations) {

    /** Names of header parameters and claims, ours and others a verifier might act on. */
    static final List<String> NAMES = List.of("alg", "kid", "typ", "crit", "exp", "nbf", "iat", "iss", "aud", "sub",
            "jti", "roles", "b64", "jwk", "jku", "x5u", "cty", "zip", "enc");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Encoding {
        BASE64URL, BASE64URL_PADDED, BASE64_PADDED, RAW;

        String encode(String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return switch (this) {
                case BASE64URL -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                case BASE64URL_PADDED -> Base64.getUrlEncoder().encodeToString(bytes);
                case BASE64_PADDED -> Base64.getEncoder().encodeToString(bytes);
                case RAW -> json;
            };
        }
    }

    enum Signing { ORIGINAL, ISSUER_KEY, OTHER_KEY, EMPTY, NOISE }

    /** One field's change: removed, set to a value (replacing or adding it) or added a second time. */
    record FieldEdit(String name, Action action, String value) {

        enum Action { REMOVE, SET, DUPLICATE }
    }

    /** Either edits to the original object's fields, or (when {@code replacement} is set) other text entirely. */
    record JsonRewrite(List<FieldEdit> edits, String replacement) {

        String apply(String originalJson) {
            if (replacement != null) {
                return replacement;
            }
            List<String[]> fields = fieldsOf(originalJson);
            for (FieldEdit edit : edits) {
                switch (edit.action()) {
                    case REMOVE -> fields.removeIf(field -> field[0].equals(edit.name()));
                    case DUPLICATE -> fields.add(new String[] {edit.name(), edit.value()});
                    case SET -> {
                        fields.removeIf(field -> field[0].equals(edit.name()));
                        fields.add(new String[] {edit.name(), edit.value()});
                    }
                }
            }
            return "{" + String.join(",", fields.stream().map(f -> JsonText.quoted(f[0]) + ":" + f[1]).toList()) + "}";
        }
    }

    /** The forged token, and whether it is exactly what the issuer's key signed (so it may be accepted). */
    record Forged(String token, boolean signedByIssuer, String headerJson, String claimsJson) {
    }

    /**
     * @param original   a real token
     * @param issuerSign signs with the key the verifier trusts
     * @param otherSign  signs with a key it does not know
     */
    Forged apply(String original, UnaryOperator<byte[]> issuerSign, UnaryOperator<byte[]> otherSign) {
        String[] parts = original.split("\\.");
        String headerJson = header == null ? decoded(parts[0]) : header.apply(decoded(parts[0]));
        String claimsJson = claims == null ? decoded(parts[1]) : claims.apply(decoded(parts[1]));
        String signingInput = (header == null ? parts[0] : encoding.encode(headerJson)) + "."
                + (claims == null ? parts[1] : encoding.encode(claimsJson));
        byte[] input = signingInput.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String signature = switch (signing) {
            case ORIGINAL -> parts[2];
            case ISSUER_KEY -> base64url.encodeToString(issuerSign.apply(input));
            case OTHER_KEY -> base64url.encodeToString(otherSign.apply(input));
            case EMPTY -> "";
            case NOISE -> base64url.encodeToString(noise(signingInput));
        };
        String signed = signingInput + "." + signature;
        String token = TextMutation.applyAll(signed, mutations);
        // A mutation may change nothing (a segment swapped with itself): the issuer's token as it signed it.
        return new Forged(token, signing == Signing.ISSUER_KEY && token.equals(signed), headerJson, claimsJson);
    }

    static Arbitrary<TokenForgery> any() {
        // The header is kept more often than the claims, so that many forgeries reach the claims' own reader.
        Arbitrary<JsonRewrite> header = rewrites(7, 2);
        Arbitrary<JsonRewrite> claims = rewrites(2, 7);
        // Mostly as our issuer encodes, so that rewritten JSON gets past the spelling check to the claims' reader.
        Arbitrary<Encoding> encoding = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Encoding.BASE64URL)),
                Tuple.of(2, Arbitraries.of(Encoding.class)));
        return Combinators.combine(header, claims, encoding,
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Signing.ORIGINAL)),
                        Tuple.of(5, Arbitraries.just(Signing.ISSUER_KEY)), Tuple.of(2, Arbitraries.of(Signing.class))),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.<TextMutation>of())),
                        Tuple.of(1, TextMutation.any().list().ofMinSize(1).ofMaxSize(3))))
                .as(TokenForgery::new);
    }

    private static Arbitrary<JsonRewrite> rewrites(int kept, int edited) {
        return Arbitraries.frequencyOf(
                Tuple.of(kept, Arbitraries.just((JsonRewrite) null)),
                Tuple.of(edited, edits().list().ofMinSize(1).ofMaxSize(3).map(edits -> new JsonRewrite(edits, null))),
                Tuple.of(1, FuzzJson.values().map(json -> new JsonRewrite(List.of(), json))));
    }

    private static Arbitrary<FieldEdit> edits() {
        return Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(FieldEdit.Action.class), FuzzJson.values())
                .as(FieldEdit::new);
    }

    private static String decoded(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    /** The original object's fields as name and raw JSON value, in order. */
    private static List<String[]> fieldsOf(String json) {
        try {
            List<String[]> fields = new ArrayList<>();
            JsonNode object = JSON.readTree(json);
            object.fields().forEachRemaining(field -> fields.add(new String[] {field.getKey(),
                    field.getValue().toString()}));
            return fields;
        } catch (IOException e) {
            throw new IllegalStateException("the original token's JSON is our own", e);
        }
    }

    /** 64 bytes that look like a signature, the same for the same token. */
    private static byte[] noise(String signingInput) {
        byte[] bytes = new byte[64];
        new Random(signingInput.hashCode()).nextBytes(bytes);
        return bytes;
    }
}
