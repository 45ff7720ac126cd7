package io.chatapp.plugin.push;

import java.util.Locale;
import java.util.Optional;

/** Which messages of a group a user is notified of. */
public enum GroupLevel {
    ALL,
    MENTIONS,
    OFF;

    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupLevel> fromXml(String value) {
        for (GroupLevel level : values()) {
            if (level.xmlValue().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
