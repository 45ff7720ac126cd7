package io.chatapp.cli;

import io.chatapp.client.ChatMessage;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.TypingState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The text lines chatapp prints for incoming events. {@code listen} prints exactly these, and scripts rely on them:
 * <ul>
 * <li>a message: {@code alice@example.org: hello}</li>
 * <li>a shared file: {@code alice@example.org: [image 1.2 MB] photo.jpg} ({@code listen} adds its URL)</li>
 * <li>a message this account sent from another device: {@code you (other device) → bob@example.org: hello}</li>
 * <li>a retraction: {@code * alice@example.org deleted a message: "hello"} (the quote when the text is known)</li>
 * <li>presence: {@code * alice@example.org is online} / {@code * alice@example.org is offline}</li>
 * <li>a contact request: {@code * alice@example.org wants to add you (accept with: /accept alice@example.org)}</li>
 * </ul>
 * Text from the network is cleaned of control characters, so a sender cannot drive the terminal with escape
 * sequences.
 */
public final class EventLines {

    private EventLines() {
    }

    /** What a retracted message shows instead of its text. */
    public static final String DELETED = "(message deleted)";

    /** How a message this account sent from another device is introduced: {@code you (other device) → bob@…}. */
    public static final String OTHER_DEVICE = "you (other device) \u2192 ";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int QUOTE_LENGTH = 40;

    /**
     * {@code FROM: BODY}, FROM being the sender's bare address; {@code you (other device) → TO: BODY} for a message
     * this account sent from another device; {@code (message deleted)} as the body of a retracted one.
     */
    public static String message(ChatMessage message) {
        String body = body(message);
        if (message.outgoing()) {
            return OTHER_DEVICE + message(message.to(), body);
        }
        return message(message.from(), body);
    }

    /**
     * What a message shows as its text: its body, {@code (message deleted)}, or for a shared file one line saying
     * what it is ({@code [image 1.2 MB] photo.jpg}).
     */
    public static String body(ChatMessage message) {
        if (message.retracted()) {
            return DELETED;
        }
        return message.hasMedia() ? MediaLines.describe(message.media()) : message.body();
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

    /** The mark of a message's status: {@code ✓ sent}, {@code ✓✓ delivered}, {@code ✓✓ read}. */
    public static String mark(MessageStatus status) {
        return switch (status) {
            case SENT -> "\u2713 sent";
            case DELIVERED -> "\u2713\u2713 delivered";
            case READ -> "\u2713\u2713 read";
        };
    }

    /** A sent message's new status, in the shell: {@code   ✓✓ delivered: "hello" (#4)}. */
    public static String statusChange(MessageStatus status, String body, int handle) {
        return "  " + mark(status) + ": " + quote(body) + " (#" + handle + ")";
    }

    /** A typing notification worth showing, or null: {@code * bob@… is typing…}, {@code * bob@… stopped typing}. */
    public static String typing(String bareJid, TypingState state) {
        return switch (state) {
            case COMPOSING -> "* " + clean(bareJid) + " is typing\u2026";
            case PAUSED -> "* " + clean(bareJid) + " stopped typing";
            default -> null;
        };
    }

    /**
     * A retraction: {@code * bob@… deleted a message: "hello"}, or {@code * you (other device) deleted a message to
     * bob@…: "hello"}; without the quote when the text is not known.
     *
     * @param body the retracted message's text, or null when not known
     */
    public static String retraction(String peer, boolean outgoing, String body) {
        String who = outgoing ? "* you (other device) deleted a message to " + clean(peer)
                : "* " + clean(peer) + " deleted a message";
        return body == null ? who : who + ": " + quote(body);
    }

    /** A message's text on one line, quoted and cut to 40 characters: {@code "hello"}. */
    public static String quote(String body) {
        String line = clean(body == null ? "" : body).strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) > QUOTE_LENGTH) {
            line = line.substring(0, line.offsetByCodePoints(0, QUOTE_LENGTH)) + "\u2026";
        }
        return '"' + line + '"';
    }

    /** When a message was sent: {@code 09:41} today, else {@code 2026-11-24 09:41}. */
    public static String time(Instant at, ZoneId zone, LocalDate today) {
        ZonedDateTime local = at.atZone(zone);
        return (local.toLocalDate().equals(today) ? TIME : DATE_TIME).format(local);
    }

    /**
     * Last seen, for the contact list: {@code online}, {@code last seen just now}, {@code last seen 5 min ago},
     * {@code last seen 3 h ago}, {@code last seen 2 days ago}, {@code last seen on 2026-11-02}, {@code last seen
     * hidden}; {@code last seen unknown} when it could not be asked (null).
     */
    public static String lastSeen(LastSeenInfo info, Instant now, ZoneId zone) {
        if (info == null) {
            return "last seen unknown";
        }
        return switch (info.kind()) {
            case ONLINE -> "online";
            case HIDDEN -> "last seen hidden";
            case OFFLINE -> "last seen " + ago(info.lastSeenAt(), now, zone);
        };
    }

    private static String ago(Instant at, Instant now, ZoneId zone) {
        Duration since = Duration.between(at, now);
        if (since.toMinutes() < 1) {
            return "just now";
        }
        if (since.toHours() < 1) {
            return since.toMinutes() + " min ago";
        }
        if (since.toDays() < 1) {
            return since.toHours() + " h ago";
        }
        if (since.toDays() < 7) {
            return since.toDays() == 1 ? "1 day ago" : since.toDays() + " days ago";
        }
        return "on " + DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(zone));
    }

    /** {@code Last seen visible to: contacts}. */
    public static String lastSeenVisibility(LastSeenVisibility visibility) {
        return "Last seen visible to: " + visibility.name().toLowerCase(Locale.ROOT);
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
