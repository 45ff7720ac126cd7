package io.chatapp.cli;

import io.chatapp.client.PresenceUpdate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns per-device presence updates into what a person wants to know: a contact came online or went offline (online
 * while at least one of their devices is), or changed their status. A second device coming online, or "offline" for
 * a contact never seen online, is no change. The account's own other devices are not contacts and are ignored.
 * Not thread-safe: the client calls listeners on one event thread.
 */
public final class PresenceTracker {

    /** What changed. {@code online} is empty when only the status changed. */
    public record Change(String jid, Optional<Boolean> online, String mode, String status) {

        /** The mode and status differ from plain "available" with no text. */
        public boolean hasStatus() {
            return !mode.equals("available") || !status.isEmpty();
        }
    }

    private final String ownBareJid;
    private final Map<String, Map<String, String>> onlineDevices = new HashMap<>();

    /** @param ownBareJid this account's address, whose other devices are ignored */
    public PresenceTracker(String ownBareJid) {
        this.ownBareJid = ownBareJid.toLowerCase(Locale.ROOT);
    }

    /** The contact's new online state if this update changed it: true for online, false for offline. */
    public Optional<Boolean> update(PresenceUpdate update) {
        return track(update).flatMap(Change::online);
    }

    /** What this update changed, if anything: coming online, going offline or a new status. */
    public Optional<Change> track(PresenceUpdate update) {
        String jid = update.from();
        if (jid.toLowerCase(Locale.ROOT).equals(ownBareJid)) {
            return Optional.empty();
        }
        Map<String, String> devices = onlineDevices.get(jid);
        boolean wasOnline = devices != null;
        String before = wasOnline ? devices.get(update.device()) : null;
        String status = update.mode().xmppValue() + "\n" + update.status();
        if (update.available()) {
            onlineDevices.computeIfAbsent(jid, key -> new HashMap<>()).put(update.device(), status);
        } else if (devices != null) {
            if (update.device().isEmpty()) {
                devices.clear(); // unavailable from the bare address: every device is gone
            } else {
                devices.remove(update.device());
            }
            if (devices.isEmpty()) {
                onlineDevices.remove(jid);
            }
        }
        boolean online = onlineDevices.containsKey(jid);
        if (online != wasOnline) {
            return Optional.of(new Change(jid, Optional.of(online), update.mode().xmppValue(), update.status()));
        }
        if (update.available() && before != null && !before.equals(status)) {
            return Optional.of(new Change(jid, Optional.empty(), update.mode().xmppValue(), update.status()));
        }
        return Optional.empty();
    }
}
