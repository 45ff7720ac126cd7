package io.chatapp.it.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an XMPP stream, as it arrives in pieces, into its top-level parts: the stream header, each complete stanza
 * or nonza (as its XML text) and the stream's end. Just enough XML for what a server sends: tags, quoted attribute
 * values that may hold {@code >}, text, and an XML declaration; a new {@code <stream:stream>} (after SASL or
 * STARTTLS) starts over at depth one.
 */
final class XmlStreamSplitter {

    static final String STREAM_END = "</stream:stream>";
    private static final String STREAM_START = "<stream:stream";

    private final StringBuilder buffer = new StringBuilder();
    private int scanned;
    private int depth;
    private int elementStart = -1;

    /** Adds what arrived and returns every part it completed, in order. */
    List<String> feed(CharSequence text) {
        buffer.append(text);
        List<String> parts = new ArrayList<>();
        while (true) {
            int open = buffer.indexOf("<", scanned);
            if (open < 0) {
                scanned = buffer.length();
                break;
            }
            int close = tagEnd(open);
            if (close < 0) {
                scanned = open;
                break;
            }
            scanned = close + 1;
            handleTag(open, close, parts);
        }
        int keepFrom = elementStart >= 0 ? elementStart : scanned;
        buffer.delete(0, keepFrom);
        scanned -= keepFrom;
        if (elementStart >= 0) {
            elementStart = 0;
        }
        return parts;
    }

    private void handleTag(int open, int close, List<String> parts) {
        char kind = buffer.charAt(open + 1);
        if (kind == '?' || kind == '!') {
            return;
        }
        if (close - open >= STREAM_START.length() && buffer.substring(open, open + STREAM_START.length())
                .equals(STREAM_START)) {
            depth = 1;
            elementStart = -1;
            parts.add(buffer.substring(open, close + 1));
            return;
        }
        if (kind == '/') {
            depth--;
            if (depth == 0) {
                parts.add(STREAM_END);
            } else if (depth == 1 && elementStart >= 0) {
                parts.add(buffer.substring(elementStart, close + 1));
                elementStart = -1;
            }
            return;
        }
        boolean selfClosing = buffer.charAt(close - 1) == '/';
        if (depth == 1) {
            elementStart = open;
            if (selfClosing) {
                parts.add(buffer.substring(open, close + 1));
                elementStart = -1;
                return;
            }
        }
        if (!selfClosing) {
            depth++;
        }
    }

    /** The index of the {@code >} ending the tag that starts at {@code open}, skipping quoted values; -1 if not yet. */
    private int tagEnd(int open) {
        char quote = 0;
        for (int i = open + 1; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }
}
