package io.chatapp.client.internal;

import io.chatapp.client.TypingState;
import java.time.Instant;

/** {@link Incoming}s for tests: Bob is this account. */
final class Messages {

    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private Messages() {
    }

    /** A text from Alice's phone to Bob asking for a receipt. */
    static Incoming text(Incoming.Source source, String id, String archiveId, String body) {
        return new Incoming(source, id, id, archiveId, "alice@example.com", "phone", "alice@example.com/phone",
                "bob@example.com", false, body, T, source == Incoming.Source.ARCHIVE, true, null, null, null, null,
                false, null);
    }

    /** A text Bob sent to Alice (from another device, or this one before a reconnection). */
    static Incoming mine(Incoming.Source source, String id, String archiveId, String body) {
        return new Incoming(source, id, id, archiveId, "bob@example.com", "laptop", "bob@example.com/laptop",
                "alice@example.com", true, body, T, source == Incoming.Source.ARCHIVE, true, null, null, null, null,
                false, null);
    }

    static Incoming receipt(String forId) {
        return signal(false, forId, null, null);
    }

    static Incoming displayed(boolean byMe, String forId) {
        return signal(byMe, null, forId, null);
    }

    static Incoming chatState(TypingState state) {
        return signal(false, null, null, state);
    }

    static Incoming retraction(Incoming.Source source, String archiveId, String targetId) {
        return new Incoming(source, "r-" + targetId, null, archiveId, "alice@example.com", "phone",
                "alice@example.com/phone", "bob@example.com", false, null, T, false, false, null, null, null,
                targetId, false, null);
    }

    static Incoming tombstone(String id, String archiveId) {
        return new Incoming(Incoming.Source.ARCHIVE, id, id, archiveId, "alice@example.com", "phone",
                "alice@example.com/phone", "bob@example.com", false, null, T, true, false, null, null, null, null,
                true, null);
    }

    private static Incoming signal(boolean byMe, String receivedId, String displayedId, TypingState state) {
        String from = byMe ? "bob@example.com" : "alice@example.com";
        String to = byMe ? "alice@example.com" : "bob@example.com";
        return new Incoming(byMe ? Incoming.Source.CARBON : Incoming.Source.LIVE, "s", null, null, from, "phone",
                from + "/phone", to, byMe, null, T, false, false, receivedId, displayedId, state, null, false, null);
    }
}
