package io.chatapp.plugin.xmpp;

import java.util.List;

/**
 * The most text one message may carry: the characters (Unicode code points, as a user counts them) of all its
 * {@code <body/>} elements together, so that a message cannot slip past with many bodies (one per {@code xml:lang})
 * each under the limit. Set by {@code chatapp.messages.maxBodyChars}.
 */
public final class BodyLimit {

    private final int maxChars;
    private final String refusal;

    public BodyLimit(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("the body limit must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
        this.refusal = "message body longer than " + maxChars + " characters";
    }

    public int maxChars() {
        return maxChars;
    }

    /** Whether a message with these bodies is within the limit. */
    public boolean allows(List<String> bodies) {
        long chars = 0;
        for (String body : bodies) {
            chars += body.length();
        }
        // A code point is one or two chars: at most maxChars chars is always within the limit, and only a longer
        // text (rare, and bounded by Openfire's stanza limit) is counted exactly.
        if (chars <= maxChars) {
            return true;
        }
        long codePoints = 0;
        for (String body : bodies) {
            codePoints += body.codePointCount(0, body.length());
            if (codePoints > maxChars) {
                return false;
            }
        }
        return true;
    }

    /** The {@code <text/>} of the refusal, naming the limit. */
    public String refusal() {
        return refusal;
    }
}
