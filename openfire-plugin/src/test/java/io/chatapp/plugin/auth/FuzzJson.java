package io.chatapp.plugin.auth;

import io.chatapp.plugin.testing.JsonText;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * JSON values as raw text for the token fuzzing: a checked-in corpus of the edges of each JSON type (and some text
 * that is not JSON at all) mixed with random strings, numbers, arrays and objects. Raw text rather than values given
 * to a JSON library, so that what no library writes (a huge exponent, {@code -0}, a lone surrogate escape, a nesting
 * deeper than any parser's limit) reaches the verifier too.
 */
final class FuzzJson {

    /** Strings a claim or header is compared with or that confused parsers elsewhere, JSON-quoted as needed. */
    static final List<String> STRINGS = List.of("", " ", "chatapp", "CHATAPP", "chatapp ", "EdDSA", "eddsa", "none",
            "None", "HS256", "RS256", "ES256", "Ed25519", "JWT", "at+jwt", "JOSE+JSON", "alice@example.org",
            "Alice@example.org", "alice@example.org ", "alice@EXAMPLE.ORG", "alice", "@example.org", "alice@",
            "bob@example.org", "root@example.org", "alice@other.org", "alice@example.org/phone",
            "\u0430lice@example.org", "\u212Aelvin@example.org", "alice\u0000@example.org", "alice\u202E@example.org",
            "user", "admin", "b64", "exp", "../../etc/passwd", "k1", "1795514400", "-1", "1e20", "null", "true",
            "\uD800", "\uDC00x", "\uFEFF", "x".repeat(3_000));
    /** Numbers at the edges of int, long, double and of what an epoch second can be. */
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.0", "1.5", "1e3", "1E3", "1e20", "1e999",
            "-1e999", "1e-999", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "1" + "0".repeat(1_000), "1795514400", "1795514399", "1795515300", "1795515330", "1795515331",
            "1795514430", "1795514431", "253402300799", "253402300800", "31556889864403199", "1795514400.0",
            "1795514400e0", "0x1F", "01", "+1", "NaN", "Infinity", "-Infinity");
    /** Literals, containers and text that is not JSON. */
    static final List<String> OTHERS = List.of("true", "false", "null", "[]", "{}", "[null]", "[\"chatapp\"]",
            "[\"chatapp\",\"chatapp\"]", "[\"other\",\"chatapp\"]", "[[\"chatapp\"]]", "[\"user\"]", "[\"admin\"]",
            "[\"user\",\"admin\"]", "[1]", "[true]", "{\"chatapp\":1}", "{\"$ref\":\"#\"}", "\"a\u0001b\"", "'x'",
            "\"unterminated", "\"\\x41\"", "\"\\uD800\"", "\"\\u0000\"", "", "{", "[", "]", "}", ",", ":",
            "[".repeat(2_000) + "]".repeat(2_000), "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500));

    private FuzzJson() {
    }

    /** Any JSON value, or text that is almost one. */
    static Arbitrary<String> values() {
        Arbitrary<String> scalar = scalars();
        Arbitrary<String> array = scalar.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.of("a", "sub", "aud", "alg", "kid", "exp", "")
                .flatMap(name -> scalar.map(value -> JsonText.quoted(name) + ":" + value)).list().ofMaxSize(3)
                .map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar),
                Tuple.of(2, array),
                Tuple.of(1, object),
                Tuple.of(2, Arbitraries.of(OTHERS)));
    }

    private static Arbitrary<String> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(STRINGS).map(JsonText::quoted),
                Arbitraries.strings().ofMaxLength(24).map(JsonText::quoted),
                Arbitraries.of(NUMBERS),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.longs().between(1_795_513_000L, 1_795_517_000L).map(Object::toString),
                Arbitraries.doubles().map(Object::toString),
                Arbitraries.of("true", "false", "null"));
    }
}
