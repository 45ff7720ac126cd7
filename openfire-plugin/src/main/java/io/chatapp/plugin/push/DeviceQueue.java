package io.chatapp.plugin.push;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * What is waiting to be pushed to one device, and where its pushing stands: the notifications gathered since the
 * last publish (their count, the latest sender and text, whether any is urgent), the scheduled publish, the one in
 * flight and its failed attempts. Guarded by its own monitor; used only by {@link PushDispatcher}.
 */
final class DeviceQueue {

    int count;
    String lastSender;
    String lastBody;
    boolean urgent;
    int missedCalls;
    int stories;
    ScheduledFuture<?> scheduled;
    Instant scheduledAt;
    boolean inFlight;
    int attempts;
    Instant lastPublished = Instant.MIN;

    void add(Notification notification, boolean previews) {
        count++;
        lastSender = notification.sender();
        lastBody = previews ? notification.body() : null;
        urgent |= notification.kind().urgent();
        if (notification.kind() == NotificationKind.MISSED_CALL) {
            missedCalls++;
        } else if (notification.kind() == NotificationKind.STORY) {
            stories++;
        }
    }

    boolean hasPending() {
        return count > 0;
    }

    /** Takes what is pending as one summary, leaving nothing pending. */
    PushSummary take() {
        PushSummary summary = new PushSummary(count, lastSender, lastBody, urgent, missedCalls, stories);
        count = 0;
        missedCalls = 0;
        stories = 0;
        lastSender = null;
        lastBody = null;
        urgent = false;
        return summary;
    }

    /** Puts a failed summary back in front of what arrived since, to be retried with it. */
    void restore(PushSummary failed) {
        if (count == 0) {
            lastSender = failed.lastSender();
            lastBody = failed.lastBody();
        }
        count += failed.messageCount();
        missedCalls += failed.missedCalls();
        stories += failed.stories();
        urgent |= failed.urgent();
    }

    boolean idle(Instant now, java.time.Duration minInterval) {
        return !hasPending() && !inFlight && scheduled == null
                && !lastPublished.plus(minInterval).isAfter(now);
    }
}
