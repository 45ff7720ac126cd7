package io.chatapp.client;

import java.time.Instant;
import java.util.Objects;

/**
 * When someone was last online, as far as they let this account know (see {@link LastSeen#of}).
 *
 * @param kind   online now, offline since {@link #lastSeenAt()}, or hidden by their privacy setting
 * @param lastSeenAt when their last device went offline ({@link Kind#OFFLINE} only), else null
 */
public record LastSeenInfo(Kind kind, Instant lastSeenAt) {

    /** What the answer says. */
    public enum Kind {
        /** At least one device is online now. */
        ONLINE,
        /** Offline since {@link LastSeenInfo#lastSeenAt()}. */
        OFFLINE,
        /** Their setting does not let this account know. */
        HIDDEN
    }

    public LastSeenInfo {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.OFFLINE) != (lastSeenAt != null)) {
            throw new IllegalArgumentException("lastSeenAt is given exactly for OFFLINE");
        }
    }

    public static LastSeenInfo online() {
        return new LastSeenInfo(Kind.ONLINE, null);
    }

    public static LastSeenInfo offlineSince(Instant at) {
        return new LastSeenInfo(Kind.OFFLINE, at);
    }

    public static LastSeenInfo hidden() {
        return new LastSeenInfo(Kind.HIDDEN, null);
    }
}
