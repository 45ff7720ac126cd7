package io.chatapp.plugin.push;

import io.chatapp.plugin.config.PushSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns notifications into publishes to the app servers of devices that are not connected, on the feature's own
 * threads: {@link #notify} only notes what to push and returns (it is called on Openfire's packet threads). Per
 * device, notifications arriving within {@link PushSettings#batchDelay()} go out as one publish with their count, two
 * publishes are at least {@link PushSettings#minInterval()} apart (an urgent one, a call, does not wait for that),
 * only one is in flight at a time, a failed one is retried with a doubling delay, and a device whose app server
 * answers "gone" is disabled. Whether the device is connected is checked when the notification arrives and again
 * just before publishing, so a device that came back meanwhile gets no push.
 */
public final class PushDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);

    private record DeviceKey(String username, String service, String node) {
    }

    private final ScheduledExecutorService executor;
    private final PushRegistrations registrations;
    private final NotificationPreferences preferences;
    private final DeviceSessions sessions;
    private final PushGateway gateway;
    private final PushSettings settings;
    private final Clock clock;
    private final Map<DeviceKey, DeviceQueue> queues = new ConcurrentHashMap<>();

    public PushDispatcher(ScheduledExecutorService executor, PushRegistrations registrations,
                          NotificationPreferences preferences, DeviceSessions sessions, PushGateway gateway,
                          PushSettings settings, Clock clock) {
        this.executor = executor;
        this.registrations = registrations;
        this.preferences = preferences;
        this.sessions = sessions;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
    }

    /** Something for the user: queued for each of their push devices that is not connected. Returns at once. */
    public void notify(String username, Notification notification) {
        if (!preferences.wants(username, notification)) {
            return;
        }
        boolean previews = preferences.previews(username);
        for (PushRegistration registration : registrations.of(username)) {
            if (sessions.connected(username, registration.resource())) {
                continue;
            }
            DeviceKey key = new DeviceKey(username, registration.service(), registration.node());
            DeviceQueue queue = queues.computeIfAbsent(key, k -> new DeviceQueue());
            synchronized (queue) {
                queue.add(notification, previews);
                schedule(key, queue);
            }
        }
    }

    /** Forgets devices with nothing to push (their queues come back with their next notification). */
    public void forgetIdle() {
        Instant now = clock.instant();
        queues.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().idle(now, settings.minInterval());
            }
        });
    }

    /** Schedules the device's next publish, or brings it forward for an urgent one. Holds the queue's monitor. */
    private void schedule(DeviceKey key, DeviceQueue queue) {
        if (queue.inFlight || !queue.hasPending()) {
            return;
        }
        Instant now = clock.instant();
        Instant at = now.plus(settings.batchDelay());
        if (!queue.urgent) {
            Instant allowed = queue.lastPublished.plus(settings.minInterval());
            if (allowed.isAfter(at)) {
                at = allowed;
            }
        }
        if (queue.scheduled != null) {
            if (!queue.scheduledAt.isAfter(at)) {
                return;
            }
            queue.scheduled.cancel(false);
        }
        scheduleAt(key, queue, at, now);
    }

    private void scheduleAt(DeviceKey key, DeviceQueue queue, Instant at, Instant now) {
        queue.scheduledAt = at;
        queue.scheduled = executor.schedule(() -> publish(key, queue),
                Math.max(0, Duration.between(now, at).toMillis()), TimeUnit.MILLISECONDS);
    }

    private void publish(DeviceKey key, DeviceQueue queue) {
        PushRegistration registration = registrations.of(key.username()).stream()
                .filter(r -> r.isAt(key.service(), key.node())).findFirst().orElse(null);
        PushSummary summary;
        synchronized (queue) {
            queue.scheduled = null;
            if (registration == null || sessions.connected(key.username(), registration.resource())) {
                // Disabled meanwhile, or the device is back and gets its messages itself.
                queue.take();
                queue.attempts = 0;
                return;
            }
            summary = queue.take();
            queue.inFlight = true;
        }
        gateway.publish(registration, summary)
                .exceptionally(failure -> {
                    LOG.debug("Push to {} failed: {}", key.service(), failure.toString());
                    return PublishOutcome.FAILED;
                })
                .thenAcceptAsync(outcome -> published(key, queue, summary, outcome), executor);
    }

    private void published(DeviceKey key, DeviceQueue queue, PushSummary summary, PublishOutcome outcome) {
        if (outcome == PublishOutcome.GONE) {
            LOG.info("Push app server {} refused node {} of {}: disabling that device's push", key.service(),
                    key.node(), key.username());
            queues.remove(key);
            registrations.disable(key.username(), key.service(), key.node());
            return;
        }
        synchronized (queue) {
            queue.inFlight = false;
            Instant now = clock.instant();
            if (outcome == PublishOutcome.DELIVERED) {
                queue.attempts = 0;
                queue.lastPublished = now;
                schedule(key, queue);
                return;
            }
            queue.attempts++;
            if (queue.attempts >= settings.maxAttempts()) {
                LOG.info("Giving up a push to {} for {} after {} attempts", key.service(), key.username(),
                        queue.attempts);
                queue.attempts = 0;
                schedule(key, queue);
                return;
            }
            queue.restore(summary);
            Duration backoff = settings.retryDelay().multipliedBy(1L << (queue.attempts - 1));
            if (queue.scheduled != null) {
                queue.scheduled.cancel(false);
            }
            scheduleAt(key, queue, now.plus(backoff), now);
        }
    }
}
