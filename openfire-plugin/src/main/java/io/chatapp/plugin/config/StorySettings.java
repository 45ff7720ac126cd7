package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * Status story settings (see {@link Settings} for the properties).
 *
 * @param lifetime        how long a story lives after it is posted
 * @param maxTextChars    most characters (code points) of a text story or a caption
 * @param cleanupInterval how often the clean-up removes expired stories, their views and their files
 * @param maxVideoLength  longest play length of a video story
 */
public record StorySettings(Duration lifetime, int maxTextChars, Duration cleanupInterval, Duration maxVideoLength) {

    public StorySettings {
        if (lifetime.isNegative() || lifetime.isZero() || maxTextChars < 1 || cleanupInterval.isNegative()
                || cleanupInterval.isZero() || maxVideoLength.isNegative() || maxVideoLength.isZero()) {
            throw new IllegalArgumentException("stories need a positive lifetime, text limit, clean-up interval and"
                    + " video length limit");
        }
    }

    /** The defaults of the properties. */
    public static StorySettings defaults() {
        return new StorySettings(Duration.ofSeconds(Settings.STORIES_LIFETIME.defaultValue()),
                Settings.STORIES_MAX_TEXT.defaultValue(),
                Duration.ofSeconds(Settings.STORIES_CLEANUP_INTERVAL.defaultValue()),
                Duration.ofSeconds(Settings.STORIES_MAX_VIDEO_SECONDS.defaultValue()));
    }

    static StorySettings read(SettingsSource source) {
        return new StorySettings(Duration.ofSeconds(Settings.STORIES_LIFETIME.read(source)),
                Settings.STORIES_MAX_TEXT.read(source),
                Duration.ofSeconds(Settings.STORIES_CLEANUP_INTERVAL.read(source)),
                Duration.ofSeconds(Settings.STORIES_MAX_VIDEO_SECONDS.read(source)));
    }
}
