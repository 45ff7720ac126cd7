package io.chatapp.plugin.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * How many XMPP logins (SASL exchanges) the server runs at once. Openfire looks up a login's account on the same few
 * threads that handle the stanzas of the users already online, in arrival order; when thousands of clients log in at
 * once (a server restart, a network coming back, an attack) those users' messages wait behind the logins. A login
 * beyond the limit is refused at once, before any lookup, and its client tries again later; the logins admitted are
 * done quickly, and the chat of the users already online goes on (docs/reliability.md, connection flood).
 *
 * <p>A slot is held from the client's first SASL response until the exchange ends, however it ends. An exchange that
 * is never ended (the client went away in the middle, and no one told the SASL server) gives its slot back after
 * {@link #ABANDONED_AFTER}.
 */
public final class LoginAdmission {

    /** No limit: every login is admitted. */
    public static final LoginAdmission UNLIMITED = new LoginAdmission(0, System::nanoTime);

    /** Longer than any SASL exchange a live client takes; then the slot is taken to be abandoned. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final int limit;
    private final LongSupplier nanoTime;
    private final Set<Slot> held = new HashSet<>();
    private long refused;

    /**
     * @param limit    logins run at once; 0 for no limit
     * @param nanoTime the monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    public LoginAdmission(int limit, LongSupplier nanoTime) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or more: " + limit);
        }
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** A slot for one login, or empty when the server runs its limit of logins already: try again later. */
    public Optional<Slot> tryAdmit() {
        if (limit == 0) {
            return Optional.of(new Slot(null, 0));
        }
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (held.size() >= limit) {
                held.removeIf(slot -> now - slot.admitted >= ABANDONED_AFTER.toNanos());
            }
            if (held.size() >= limit) {
                refused++;
                return Optional.empty();
            }
            Slot slot = new Slot(this, now);
            held.add(slot);
            return Optional.of(slot);
        }
    }

    /** Logins refused since the last call (for the operator's log), and starts counting again. */
    public synchronized long takeRefusedCount() {
        long count = refused;
        refused = 0;
        return count;
    }

    /** The limit of logins at once; 0 for none. */
    public int limit() {
        return limit;
    }

    /** Logins running now. */
    public synchronized int inProgress() {
        return held.size();
    }

    private synchronized void release(Slot slot) {
        held.remove(slot);
    }

    /** One admitted login; {@link #release()} it when its exchange ends, however it ends (a second call is a no-op). */
    public static final class Slot {
        private final LoginAdmission owner;
        private final long admitted;

        private Slot(LoginAdmission owner, long admitted) {
            this.owner = owner;
            this.admitted = admitted;
        }

        public void release() {
            if (owner != null) {
                owner.release(this);
            }
        }
    }
}
