package io.chatapp.plugin.calls;

/**
 * Told of each call its callee missed (the caller cancelled it, or it rang out unanswered), once, when it ends: the
 * hook a push notification feature uses. Register through {@link CallTracker#onMissedCall}. It is called on the
 * thread that saw the call end (Openfire's packet thread for a retract, the scheduler for a ring timeout), so it must
 * not block: queue any work.
 */
@FunctionalInterface
public interface MissedCallListener {

    void missed(CallRecord call);
}
