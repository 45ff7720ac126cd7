package io.chatapp.client.internal;

import io.chatapp.client.TypingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns "the user is typing" calls into XEP-0085 chat states per peer: {@code composing} at once and then at most
 * once per interval while the calls go on, {@code paused} one interval after the last call, and nothing more once
 * a message was sent (the message itself carries {@code active}).
 */
public final class TypingThrottle {

    /** Sends a chat state to a peer; must not block for long (it is called under the throttle's lock). */
    @FunctionalInterface
    public interface Sender {
        void send(String peer, TypingState state);
    }

    /** Runs a task later; the returned handle cancels it. */
    @FunctionalInterface
    public interface Timer {
        Runnable schedule(Runnable task, Duration delay);
    }

    private static final class PeerState {
        Instant composingSentAt;
        Runnable cancelPause;
        long generation;
    }

    private final Clock clock;
    private final Timer timer;
    private final Sender sender;
    private final Duration interval;
    private final Map<String, PeerState> peers = new HashMap<>();

    public TypingThrottle(Clock clock, Timer timer, Sender sender, Duration interval) {
        this.clock = clock;
        this.timer = timer;
        this.sender = sender;
        this.interval = interval;
    }

    /** The user typed in the conversation with {@code peer}. */
    public synchronized void typing(String peer) {
        Instant now = clock.instant();
        PeerState state = peers.computeIfAbsent(peer, p -> new PeerState());
        if (state.composingSentAt == null || !now.isBefore(state.composingSentAt.plus(interval))) {
            state.composingSentAt = now;
            sender.send(peer, TypingState.COMPOSING);
        }
        if (state.cancelPause != null) {
            state.cancelPause.run();
        }
        long generation = ++state.generation;
        state.cancelPause = timer.schedule(() -> paused(peer, state, generation), interval);
    }

    /** A message went to {@code peer}: typing is over without a {@code paused}. */
    public synchronized void messageSent(String peer) {
        PeerState state = peers.remove(peer);
        if (state != null && state.cancelPause != null) {
            state.cancelPause.run();
        }
    }

    /** Forgets every conversation (e.g. at logout) without sending anything. */
    public synchronized void reset() {
        for (PeerState state : peers.values()) {
            if (state.cancelPause != null) {
                state.cancelPause.run();
            }
        }
        peers.clear();
    }

    private synchronized void paused(String peer, PeerState expected, long generation) {
        // A pause timer cancelled too late, or one of an earlier typing spell, must not send anything.
        if (peers.get(peer) != expected || expected.generation != generation) {
            return;
        }
        peers.remove(peer);
        sender.send(peer, TypingState.PAUSED);
    }
}
