package io.chatapp.plugin.stories;

import java.util.Locale;
import java.util.Optional;

/** Who a story is shared with, as WhatsApp's status privacy offers it; always among the owner's contacts. */
public enum AudienceMode {
    /** Every contact. */
    CONTACTS,
    /** Every contact but the listed ones. */
    EXCEPT,
    /** Only the listed contacts. */
    ONLY;

    /** The wire value: {@code contacts}, {@code except} or {@code only}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AudienceMode> of(String value) {
        for (AudienceMode mode : values()) {
            if (mode.value().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
