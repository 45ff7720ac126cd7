package io.chatapp.plugin.xmpp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** XEP-0082 date-times: written in UTC with milliseconds, read with any offset and precision. */
public final class XmppTime {

    private static final DateTimeFormatter WRITER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private XmppTime() {
    }

    public static String format(Instant instant) {
        return WRITER.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The instant, or empty when the text is not a XEP-0082 date-time with a time zone. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
