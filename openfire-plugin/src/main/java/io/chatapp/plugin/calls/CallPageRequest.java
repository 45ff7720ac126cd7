package io.chatapp.plugin.calls;

import org.dom4j.Element;

/**
 * Which page of the log (XEP-0059 terms, the log being ordered newest first): the newest {@code max} entries, or
 * those older than {@code after}, or the {@code max} just newer than {@code before}. Ids are the entries' ids.
 */
public record CallPageRequest(int max, Long after, Long before) {

    public CallPageRequest {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("ask for the page after or before an entry, not both");
        }
    }

    /** Reads an RSM / query parameter id; an id that is no number is a bad request. */
    public static Long cursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is no call log id");
        }
    }

    /**
     * The page an XEP-0059 {@code <set/>} asks for ({@code max}, {@code after}, {@code before}), the newest
     * {@code defaultMax} without one; {@code IllegalArgumentException} (bad-request) for anything else.
     */
    public static CallPageRequest fromRsm(Element rsm, int defaultMax) {
        if (rsm == null) {
            return new CallPageRequest(defaultMax, null, null);
        }
        int max = defaultMax;
        String maxText = rsm.elementTextTrim("max");
        if (maxText != null) {
            try {
                max = Integer.parseInt(maxText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("<max/> is a number");
            }
        }
        return new CallPageRequest(max, cursor(rsm.elementTextTrim("after")), cursor(rsm.elementTextTrim("before")));
    }
}
