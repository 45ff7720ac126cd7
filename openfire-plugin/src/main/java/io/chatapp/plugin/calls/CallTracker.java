package io.chatapp.plugin.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the calls in progress from the JMI signals the server routes, in memory, and hands every change of a call
 * to {@code changes} (the call log's writer queue): decided on the routing thread without waiting for anything.
 *
 * <p>A call is known by its id and its two parties. A propose opens it (caller = sender); only the callee's proceed
 * answers it and only the callee's reject declines it (busy when the reason says so); only the caller's retract cancels
 * it; a finish from either ends it (before an answer: the caller's cancels, the callee's declines). Signals for an
 * unknown call, from a third party or out of order change nothing. A call still ringing after the ring timeout is
 * unanswered; an answered one that no finish ends within {@link #LONGEST_CALL} of its answer ends as failed at its
 * answer, the last moment the server knew it was going on (its duration is unknown, so zero). Answered calls a
 * previous run left open are {@linkplain #adopt adopted} at start, so that the finish the parties send later still
 * ends them with their real end and duration. At most
 * {@code capacity} calls are followed at once, and at most {@link #LIVE_PER_CALLER} of one caller (so that one user
 * sending made-up proposals cannot fill the tracker for everyone); beyond that new calls are not logged.
 */
public final class CallTracker {

    private static final Logger LOG = LoggerFactory.getLogger(CallTracker.class);
    /** How long an answered call with no finish is followed before it is ended as failed. */
    static final Duration LONGEST_CALL = Duration.ofHours(24);
    /** Calls one caller may have ringing or ongoing at once; a person has one or two. */
    static final int LIVE_PER_CALLER = 16;

    private final Map<String, CallRecord> live = new ConcurrentHashMap<>();
    /** How many of {@link #live} each caller placed. */
    private final Map<String, Integer> liveByCaller = new ConcurrentHashMap<>();
    private final List<MissedCallListener> missedListeners = new CopyOnWriteArrayList<>();
    private final Consumer<CallRecord> changes;
    private final int capacity;

    public CallTracker(Consumer<CallRecord> changes, int capacity) {
        this.changes = changes;
        this.capacity = capacity;
    }

    /** Registers a listener for missed calls; returns what removes it. */
    public AutoCloseable onMissedCall(MissedCallListener listener) {
        missedListeners.add(listener);
        return () -> missedListeners.remove(listener);
    }

    /** Calls followed now. */
    public int live() {
        return live.size();
    }

    /**
     * Follows again an answered call that a previous run of the plugin logged as ongoing (read back at start), as if
     * this run had seen it answered; returns false when the tracker is full (the call then ends after
     * {@link #LONGEST_CALL} in the log, see {@link CallStore#endAbandoned}).
     */
    public boolean adopt(CallRecord call) {
        if (call.state() != CallState.ONGOING || live.size() >= capacity) {
            return false;
        }
        if (live.putIfAbsent(key(call.callId(), call.caller(), call.callee()), call) != null) {
            return false;
        }
        liveByCaller.merge(call.caller(), 1, Integer::sum);
        return true;
    }

    public void signal(CallSignal signal, Instant at) {
        if (signal.from().equals(signal.to()) || signal.callId().isEmpty()) {
            return;
        }
        String key = key(signal.callId(), signal.from(), signal.to());
        if (signal.kind() == CallSignal.Kind.PROPOSE) {
            if (live.size() >= capacity) {
                LOG.warn("{} calls in progress: the call {} is not logged", capacity, signal.callId());
                return;
            }
            if (liveByCaller.getOrDefault(signal.from(), 0) >= LIVE_PER_CALLER) {
                LOG.warn("{} has {} calls in progress: the call {} is not logged", signal.from(), LIVE_PER_CALLER,
                        signal.callId());
                return;
            }
            CallRecord proposed = new CallRecord(signal.callId(), signal.from(), signal.to(), signal.video(), at,
                    null, null, CallState.RINGING);
            if (live.putIfAbsent(key, proposed) == null) {
                liveByCaller.merge(proposed.caller(), 1, Integer::sum);
                changes.accept(proposed);
            }
            return;
        }
        CallRecord[] changed = new CallRecord[1];
        live.computeIfPresent(key, (k, call) -> {
            CallRecord next = next(call, signal, at);
            if (next != call) {
                changed[0] = next;
            }
            return next.state().ended() ? null : next;
        });
        if (changed[0] != null) {
            if (changed[0].state().ended()) {
                forgotten(changed[0]);
            }
            publish(changed[0]);
        }
    }

    private static CallRecord next(CallRecord call, CallSignal signal, Instant at) {
        boolean fromCaller = signal.from().equals(call.caller());
        boolean ringing = call.state() == CallState.RINGING;
        boolean busy = "busy".equals(signal.reason());
        return switch (signal.kind()) {
            case PROCEED -> ringing && !fromCaller ? call.answered(at) : call;
            case REJECT -> ringing && !fromCaller ? call.ended(busy ? CallState.BUSY : CallState.REJECTED, at) : call;
            case RETRACT -> ringing && fromCaller ? call.ended(CallState.CANCELLED, at) : call;
            case FINISH -> {
                if (ringing) {
                    yield call.ended(fromCaller ? CallState.CANCELLED : busy ? CallState.BUSY : CallState.REJECTED,
                            at);
                }
                yield call.ended(CallState.isFailure(signal.reason()) ? CallState.FAILED : CallState.ENDED, at);
            }
            case PROPOSE, RINGING -> call;
        };
    }

    /** Ends the calls that rang out, and the answered ones no finish ended in time (the scheduler's job). */
    public void expire(Instant now, Duration ringTimeout) {
        for (Map.Entry<String, CallRecord> entry : live.entrySet()) {
            CallRecord call = entry.getValue();
            if (call.state() == CallState.RINGING && !call.proposedAt().plus(ringTimeout).isAfter(now)) {
                if (live.remove(entry.getKey(), call)) {
                    forgotten(call);
                    publish(call.ended(CallState.UNANSWERED, now));
                }
            } else if (call.state() == CallState.ONGOING && !call.answeredAt().plus(LONGEST_CALL).isAfter(now)) {
                if (live.remove(entry.getKey(), call)) {
                    forgotten(call);
                    publish(call.abandoned());
                }
            }
        }
    }

    /** A call left {@link #live}: its caller may place another. */
    private void forgotten(CallRecord call) {
        liveByCaller.computeIfPresent(call.caller(), (caller, count) -> count > 1 ? count - 1 : null);
    }

    private void publish(CallRecord call) {
        changes.accept(call);
        if (call.state().missed()) {
            for (MissedCallListener listener : missedListeners) {
                try {
                    listener.missed(call);
                } catch (RuntimeException e) {
                    LOG.warn("A missed-call listener failed for call {}", call.callId(), e);
                }
            }
        }
    }

    private static String key(String callId, String one, String other) {
        return one.compareTo(other) < 0 ? callId + '\n' + one + '\n' + other : callId + '\n' + other + '\n' + one;
    }
}
