package io.chatapp.plugin.push;

import io.chatapp.plugin.calls.CallRecord;
import io.chatapp.plugin.calls.MissedCallListener;

/**
 * Turns a call its callee missed (the call log's verdict: the caller gave up, or it rang out) into a notification for
 * the callee's devices that are not connected. Only a callee of this server has devices here; a remote callee's
 * server tells its own. Runs on the thread that ended the call and only queues, as {@link MissedCallListener} asks.
 */
public final class MissedCallPushes implements MissedCallListener {

    private final LocalUsers localUsers;
    private final PushDispatcher dispatcher;

    public MissedCallPushes(String domain, PushDispatcher dispatcher) {
        this.localUsers = new LocalUsers(domain);
        this.dispatcher = dispatcher;
    }

    @Override
    public void missed(CallRecord call) {
        String username = localUsers.username(call.callee());
        if (username != null) {
            dispatcher.notify(username, new Notification(NotificationKind.MISSED_CALL, call.caller(), call.caller(),
                    null, false));
        }
    }
}
