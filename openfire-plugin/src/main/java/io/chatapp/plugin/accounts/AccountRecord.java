package io.chatapp.plugin.accounts;

import java.time.Instant;

/**
 * One account as the plugin knows it.
 *
 * @param username     the user name (canonical, lower case)
 * @param registeredAt when it registered through the plugin; null when created elsewhere
 * @param firstSeenAt  when the plugin first saw it
 * @param lastLoginAt  its last login through any mechanism; null when never
 * @param disabledAt   when an administrator disabled it; null when enabled
 */
public record AccountRecord(String username, Instant registeredAt, Instant firstSeenAt, Instant lastLoginAt,
                            Instant disabledAt) {

    public boolean disabled() {
        return disabledAt != null;
    }
}
