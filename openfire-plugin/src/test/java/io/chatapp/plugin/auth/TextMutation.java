package io.chatapp.plugin.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a token's text: a character replaced, inserted or removed anywhere, or a whole dot-separated segment
 * dropped, doubled, swapped with another, emptied or added. Positions are drawn as numbers and taken modulo the
 * text's length when applied, so one mutation fits any token.
 *
 * @param kind  what is done
 * @param at    where (a character or a segment, modulo their count)
 * @param other the second segment of a swap
 * @param c     the character put in
 */
record TextMutation(Kind kind, int at, int other, char c) {

    enum Kind { REPLACE, INSERT, DELETE, DROP_SEGMENT, DOUBLE_SEGMENT, SWAP_SEGMENTS, EMPTY_SEGMENT, ADD_SEGMENT }

    static Arbitrary<TextMutation> any() {
        Arbitrary<Character> characters = Arbitraries.oneOf(
                Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                Arbitraries.of('.', '=', '+', '/', ' ', '\t', '\n', '\u0000', '\u0001', '\u00e9', '\u00a0', '\uD800',
                        '\uDC00', '\uFEFF', '\u0430', '%'),
                Arbitraries.chars());
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000), characters).as(TextMutation::new);
    }

    /** The text with every mutation applied in turn. */
    static String applyAll(String text, List<TextMutation> mutations) {
        String result = text;
        for (TextMutation mutation : mutations) {
            result = mutation.apply(result);
        }
        return result;
    }

    String apply(String text) {
        return switch (kind) {
            case REPLACE -> text.isEmpty() ? String.valueOf(c)
                    : text.substring(0, at % text.length()) + c + text.substring(at % text.length() + 1);
            case INSERT -> text.substring(0, at % (text.length() + 1)) + c + text.substring(at % (text.length() + 1));
            case DELETE -> text.isEmpty() ? text
                    : text.substring(0, at % text.length()) + text.substring(at % text.length() + 1);
            default -> String.join(".", segments(text.split("\\.", -1)));
        };
    }

    private List<String> segments(String[] original) {
        List<String> segments = new ArrayList<>(Arrays.asList(original));
        int i = at % segments.size();
        switch (kind) {
            case DROP_SEGMENT -> segments.remove(i);
            case DOUBLE_SEGMENT -> segments.add(i, segments.get(i));
            case SWAP_SEGMENTS -> {
                int j = other % segments.size();
                String first = segments.get(i);
                segments.set(i, segments.get(j));
                segments.set(j, first);
            }
            case EMPTY_SEGMENT -> segments.set(i, "");
            default -> segments.add(at % (segments.size() + 1), String.valueOf(c).repeat(1 + other % 40));
        }
        return segments;
    }
}
