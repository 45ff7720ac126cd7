package io.chatapp.client.internal.xmpp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jivesoftware.smack.parsing.SmackParsingException;

/** XEP-0082 times as the protocol writes them: UTC with milliseconds, e.g. {@code 2026-11-24T10:15:30.123Z}. */
public final class XmppTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private XmppTimes() {
    }

    public static String format(Instant time) {
        return FORMAT.format(time);
    }

    /** {@link #format} for an optional time (an attribute left out when null): null stays null. */
    public static String formatOptional(Instant time) {
        return time == null ? null : format(time);
    }

    /** Parses an optional attribute value; null stays null. */
    public static Instant parse(String value) throws SmackParsingException {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw new SmackParsingException.SmackTextParseException(
                        new java.text.ParseException(value, again.getErrorIndex()));
            }
        }
    }
}
