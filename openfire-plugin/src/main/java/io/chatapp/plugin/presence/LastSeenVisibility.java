package io.chatapp.plugin.presence;

import java.util.Locale;
import java.util.Optional;

/** Who may see when a user was last online (docs/protocol.md, "Last seen"). */
public enum LastSeenVisibility {
    /** Every user of the server. */
    EVERYONE,
    /** Users the owner shares presence with (the default). */
    CONTACTS,
    /** Nobody but the owner. */
    NOBODY;

    /** The value of the {@code visibility} attribute: {@code everyone}, {@code contacts} or {@code nobody}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The visibility an attribute value names, exactly as written in the protocol, or empty. */
    public static Optional<LastSeenVisibility> fromAttribute(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (LastSeenVisibility visibility : values()) {
            if (visibility.attributeValue().equals(value)) {
                return Optional.of(visibility);
            }
        }
        return Optional.empty();
    }
}
