package io.chatapp.client.internal.xmpp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;

/**
 * Waits until every stanza the server sent before now has been through the connection's synchronous stanza
 * listeners (where the library hands messages on): a ping to the server, answered after what the server already sent
 * on this stream (one session's stanzas are handled in order), and heard by a synchronous listener, which Smack runs
 * in arrival order after those of the earlier stanzas. A response collector would not do: Smack wakes collectors as
 * a stanza arrives, before earlier stanzas' listeners have run.
 */
public final class StanzaBarrier {

    private StanzaBarrier() {
    }

    /** Returns once the barrier passed; fails on timeout or when the connection drops. */
    public static void pass(XMPPTCPConnection connection, long timeoutMillis) throws Exception {
        Ping ping = new Ping(connection.getXMPPServiceDomain());
        CompletableFuture<Void> passed = new CompletableFuture<>();
        StanzaListener listener = stanza -> passed.complete(null);
        // The answer, result or error: either is sent after what came before it.
        connection.addSyncStanzaListener(listener, new AndFilter(new StanzaIdFilter(ping.getStanzaId()),
                StanzaTypeFilter.IQ));
        try {
            connection.sendStanza(ping);
            passed.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            connection.removeSyncStanzaListener(listener);
        }
    }
}
