package io.chatapp.plugin.push;

import io.chatapp.plugin.calls.CallRecord;
import io.chatapp.plugin.calls.MissedCallListener;

/**
 * Turns a call its callee missed (the call log's verdict: the caller gave up, or it rang out) into a notification for
 * the callee's devices that are not connected. Only a callee of this server has devices here; a remote callee's
 * server tells its own. Runs on the thread that ended the call and only queues, as {@link MissedCallListener} asks.
 */
public final class MissedCallPushes implements MissedCallListener {

    private final String domainSuffix;
    private final PushDispatcher dispatcher;

    public MissedCallPushes(String domain, PushDispatcher dispatcher) {
        this.domainSuffix = "@" + domain;
        this.dispatcher = dispatcher;
    }

    @Override
    public void missed(CallRecord call) {
        String callee = call.callee();
        if (!callee.endsWith(domainSuffix)) {
            return;
        }
        String username = callee.substring(0, callee.length() - domainSuffix.length());
        dispatcher.notify(username, new Notification(NotificationKind.MISSED_CALL, call.caller(), call.caller(), null,
                false));
    }
}
