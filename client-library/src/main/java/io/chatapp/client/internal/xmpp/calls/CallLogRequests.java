package io.chatapp.client.internal.xmpp.calls;

import io.chatapp.client.CallLogPage;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * The {@code urn:chatapp:calls:0} requests, blocking, on the current connection; each IQ has no 'to', so the server
 * answers it for the account. Failures are Smack's exceptions, translated by the caller.
 */
public final class CallLogRequests {

    private static volatile boolean registered;

    private final Supplier<? extends XMPPConnection> connection;

    public CallLogRequests(Supplier<? extends XMPPConnection> connection) {
        this.connection = connection;
        register();
    }

    private static synchronized void register() {
        if (!registered) {
            ProviderManager.addIQProvider(CallLogIQ.ELEMENT, CallLogIQ.NAMESPACE, new CallLogIQ.Provider());
            registered = true;
        }
    }

    public CallLogPage page(int max, String after) throws Exception {
        return ((CallLogIQ) connection.get().sendIqRequestAndWaitForResponse(new CallLogIQ(max, after))).page();
    }

    public void markMissedSeen() throws Exception {
        connection.get().sendIqRequestAndWaitForResponse(new CallsSeenIQ());
    }
}
