package io.chatapp.cli;

import io.chatapp.client.ChatMessage;

/**
 * The text lines chatapp prints for incoming events. {@code listen} prints exactly these, and scripts rely on them:
 * <ul>
 * <li>a message: {@code alice@example.org: hello}</li>
 * <li>presence: {@code * alice@example.org is online} / {@code * alice@example.org is offline}</li>
 * <li>a contact request: {@code * alice@example.org wants to add you (accept with: /accept alice@example.org)}</li>
 * </ul>
 * Text from the network is cleaned of control characters, so a sender cannot drive the terminal with escape
 * sequences.
 */
public final class EventLines {

    private EventLines() {
    }

    /** {@code FROM: BODY}, FROM being the sender's bare address. */
    public static String message(ChatMessage message) {
        return message(message.from(), message.body());
    }

    public static String message(String fromBareJid, String body) {
        return clean(fromBareJid) + ": " + clean(stripTrailingNewlines(body == null ? "" : body));
    }

    public static String presence(String bareJid, boolean online) {
        return "* " + clean(bareJid) + (online ? " is online" : " is offline");
    }

    /**
     * A contact's status, for the shell: {@code * JID is away: at lunch}. Modes are named as people say them.
     */
    public static String status(String bareJid, String mode, String text) {
        String words = switch (mode) {
            case "chat" -> "free to chat";
            case "away" -> "away";
            case "xa" -> "away for a while";
            case "dnd" -> "busy";
            default -> "available";
        };
        String detail = text == null || text.isBlank() ? "" : ": " + clean(text).replace('\n', ' ');
        return "* " + clean(bareJid) + " is " + words + detail;
    }

    public static String contactRequest(String bareJid) {
        String jid = clean(bareJid);
        return "* " + jid + " wants to add you (accept with: /accept " + jid + ")";
    }

    /**
     * Replaces control characters except line feed and tab with U+FFFD, and turns CR LF into LF. Keeps every
     * other character, including non-Latin text and emoji.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalised = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !isControl(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('\uFFFD');
            }
        });
        return out.toString();
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT && isBidiControl(codePoint);
    }

    /** Bidirectional overrides and isolates can make text display as something other than what it is. */
    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
