package io.chatapp.client;

import io.chatapp.client.internal.Failures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What a {@link ChatClient} shares with its feature facades: the configuration, the current connection, its
 * threads (blocking work on {@code io}, listeners on {@code events}, timers), and the helpers that turn blocking
 * Smack calls into futures failing with {@link ChatClientException}.
 */
final class ClientContext {

    final ChatClientConfig config;
    final ExecutorService io;
    final ExecutorService events;
    final ScheduledExecutorService timers;
    final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.DISCONNECTED);
    private volatile XMPPTCPConnection connection;

    ClientContext(ChatClientConfig config, ExecutorService io, ExecutorService events,
                  ScheduledExecutorService timers) {
        this.config = config;
        this.io = io;
        this.events = events;
        this.timers = timers;
    }

    XMPPTCPConnection connection() {
        return connection;
    }

    void connection(XMPPTCPConnection newConnection) {
        this.connection = newConnection;
    }

    /** This account's bare address; fails when not logged in. */
    EntityBareJid me() {
        XMPPTCPConnection current = connection;
        if (current.getUser() == null) {
            throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED, "Not logged in");
        }
        return current.getUser().asEntityBareJid();
    }

    EntityBareJid bareJid(String jid) throws org.jxmpp.stringprep.XmppStringprepException {
        return JidCreate.entityBareFrom(Addresses.bare(jid, config.domain()));
    }

    /**
     * Sending needs a session: logged in, or reconnecting with a stream that will be resumed (Smack then queues the
     * stanza and sends it on resumption). Otherwise Smack would accept the stanza into a queue nobody flushes.
     */
    void requireSession() {
        XMPPTCPConnection current = connection;
        boolean resuming = state.get() == ConnectionState.RECONNECTING && current.isSmResumptionPossible();
        if (!current.isAuthenticated() && !resuming) {
            throw new ChatClientException(ChatClientException.Reason.NOT_CONNECTED,
                    "Not logged in: log in before sending");
        }
    }

    CompletableFuture<Void> run(ChatClient.Blocking action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    <T> CompletableFuture<T> call(ChatClient.BlockingCall<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            io.execute(() -> {
                try {
                    result.complete(action.call());
                } catch (Exception e) {
                    result.completeExceptionally(Failures.translate(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new ChatClientException(ChatClientException.Reason.NOT_CONNECTED,
                    "The client is closed", e));
        }
        return result;
    }
}
