package io.chatapp.client.internal.xmpp.calls;

import io.chatapp.client.internal.xmpp.SingleAttributeIQ;

/** {@code <seen xmlns="urn:chatapp:calls:0"/>} (set): marks this account's missed calls seen. */
public final class CallsSeenIQ extends SingleAttributeIQ {

    public static final String ELEMENT = "seen";

    public CallsSeenIQ() {
        super(ELEMENT, CallLogIQ.NAMESPACE, "unused", null);
        setType(Type.set);
    }
}
