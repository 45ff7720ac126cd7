package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * Push notification settings (see {@link Settings} for the properties).
 *
 * @param batchDelay          how long notifications for one device are gathered into one publish
 * @param minInterval         least time between two non-urgent publishes to one device
 * @param maxAttempts         publishes tried per batch before it is given up
 * @param retryDelay          the wait before the first retry; doubled for each further one
 * @param answerTimeout       how long an app server has to answer a publish
 * @param maxPublishOptions   largest publish-options form (serialized XML, in bytes) an enable may carry
 * @param maxDevicesPerUser   most push registrations one account may have
 * @param previewsDefault     whether pushes carry message text for users who did not choose
 * @param vapidSubject        the VAPID contact URI, empty for the default
 * @param webPushAllowHttp    whether plain http:// WebPush endpoints are accepted
 */
public record PushSettings(Duration batchDelay, Duration minInterval, int maxAttempts, Duration retryDelay,
                           Duration answerTimeout, int maxPublishOptions, int maxDevicesPerUser,
                           boolean previewsDefault, String vapidSubject, boolean webPushAllowHttp) {

    public static PushSettings defaults() {
        return read(SettingsSource.of(java.util.Map.of()));
    }

    static PushSettings read(SettingsSource source) {
        return new PushSettings(Duration.ofMillis(Settings.PUSH_BATCH_MILLIS.read(source)),
                Duration.ofMillis(Settings.PUSH_MIN_INTERVAL_MILLIS.read(source)),
                Settings.PUSH_MAX_ATTEMPTS.read(source),
                Duration.ofMillis(Settings.PUSH_RETRY_MILLIS.read(source)),
                Duration.ofSeconds(Settings.PUSH_ANSWER_TIMEOUT.read(source)),
                Settings.PUSH_MAX_PUBLISH_OPTIONS.read(source),
                Settings.PUSH_MAX_DEVICES.read(source),
                Settings.PUSH_PREVIEWS_DEFAULT.read(source),
                Settings.PUSH_VAPID_SUBJECT.read(source),
                Settings.PUSH_WEBPUSH_ALLOW_HTTP.read(source));
    }
}
