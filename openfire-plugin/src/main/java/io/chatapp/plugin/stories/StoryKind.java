package io.chatapp.plugin.stories;

import java.util.Locale;
import java.util.Optional;

/** What a story shows. */
public enum StoryKind {
    TEXT, IMAGE, VIDEO;

    /** The wire value: {@code text}, {@code image} or {@code video}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StoryKind> of(String value) {
        for (StoryKind kind : values()) {
            if (kind.value().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
