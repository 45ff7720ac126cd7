package io.chatapp.plugin.xmpp;

import java.util.List;

/**
 * What one message may carry, checked as Openfire first routes it:
 * <ul>
 *   <li>text: the characters (Unicode code points, as a user counts them) of all its {@code <body/>} elements together,
 *       so that a message cannot slip past with many bodies (one per {@code xml:lang}) each under the limit
 *       ({@code chatapp.messages.maxBodyChars});</li>
 *   <li>ids: the message's own id and the {@code id} of each element directly in it: the origin-id (XEP-0359) and the
 *       ids other messages refer by (receipts, chat markers, retractions, corrections, replies, reactions, call
 *       proposals). The server keeps them in indexed columns and looks messages up by them; an id of 256 KB would
 *       not fit an index entry and would stop the archive's writer ({@code chatapp.messages.maxIdChars}). Clients use
 *       ids of a few dozen characters (a UUID is 36).</li>
 * </ul>
 */
public final class MessageLimits {

    private final int maxBodyChars;
    private final int maxIdChars;
    private final String bodyRefusal;
    private final String idRefusal;

    public MessageLimits(int maxBodyChars, int maxIdChars) {
        if (maxBodyChars < 1 || maxIdChars < 1) {
            throw new IllegalArgumentException("message limits must be positive: " + maxBodyChars + ", " + maxIdChars);
        }
        this.maxBodyChars = maxBodyChars;
        this.maxIdChars = maxIdChars;
        this.bodyRefusal = "message body longer than " + maxBodyChars + " characters";
        this.idRefusal = "message id longer than " + maxIdChars + " characters";
    }

    public int maxBodyChars() {
        return maxBodyChars;
    }

    /** Whether a message with these bodies is within the limit. */
    public boolean allowsBodies(List<String> bodies) {
        long chars = 0;
        for (String body : bodies) {
            chars += body.length();
        }
        // A code point is one or two chars: at most maxBodyChars chars is always within the limit, and only a longer
        // text (rare, and bounded by Openfire's stanza limit) is counted exactly.
        if (chars <= maxBodyChars) {
            return true;
        }
        long codePoints = 0;
        for (String body : bodies) {
            codePoints += body.codePointCount(0, body.length());
            if (codePoints > maxBodyChars) {
                return false;
            }
        }
        return true;
    }

    /** Whether an id (null when there is none) is within the limit; counted in UTF-16 units, the stricter count. */
    public boolean allowsId(String id) {
        return id == null || id.length() <= maxIdChars;
    }

    /** The {@code <text/>} of the refusal of a message over the body limit, naming the limit. */
    public String bodyRefusal() {
        return bodyRefusal;
    }

    /** The {@code <text/>} of the refusal of a message with an id over the limit, naming the limit. */
    public String idRefusal() {
        return idRefusal;
    }
}
