package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.xmpp.StanzaBarrier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * The alerts of a login, in the order {@link NotificationListener} promises: once the session caught up (the
 * archive's catch-up done, and a {@link StanzaBarrier} passed, so the messages the server stored while this device was
 * away and delivered on its initial presence have been handed on as new-message events), the missed calls not marked
 * seen, oldest first, each once per client, then the server's unread counts. Both are told from the event thread in
 * a task queued behind the new-message events, so no listener sees them out of order.
 */
final class LoginAlerts {

    /** How many call log entries are read at most, looking for the unseen missed calls. */
    static final int CALL_LOG_LOOKBACK = 500;
    private static final int CALL_LOG_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(LoginAlerts.class.getName());

    /** Reads the server's unread counts (blocking). */
    @FunctionalInterface
    interface Counts {
        Map<String, Integer> read() throws Exception;
    }

    private final ClientContext context;
    private final CallLog callLog;
    private final Counts counts;
    private final Consumer<Map<String, Integer>> countsTold;
    private final EventDispatcher<NotificationListener> listeners;
    /** Missed calls already told by this client, by call log id. */
    private final Set<String> toldCalls = Collections.newSetFromMap(new ConcurrentHashMap<>());

    LoginAlerts(ClientContext context, CallLog callLog, Counts counts, Consumer<Map<String, Integer>> countsTold,
                EventDispatcher<NotificationListener> listeners) {
        this.context = context;
        this.callLog = callLog;
        this.counts = counts;
        this.countsTold = countsTold;
        this.listeners = listeners;
    }

    /** After a new session caught up (on an io thread); nothing when no app listens. */
    void run(XMPPTCPConnection connection) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            StanzaBarrier.pass(connection, context.config.replyTimeout().toMillis());
            List<CallLogEntry> missed = unseenMissedCalls();
            Map<String, Integer> unread = counts.read();
            context.events.execute(() -> {
                for (CallLogEntry call : missed) {
                    if (toldCalls.add(call.id())) {
                        listeners.fire(l -> l.onMissedCall(call));
                    }
                }
                countsTold.accept(unread);
                listeners.fire(l -> l.onUnreadCounts(unread));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (connection.isAuthenticated()) {
                LOG.log(Level.INFO, "Could not tell this login's missed calls and unread counts", e);
            }
        }
    }

    /** The unseen missed calls among the newest entries of the log, oldest first. */
    private List<CallLogEntry> unseenMissedCalls() throws Exception {
        List<CallLogEntry> unseen = new ArrayList<>();
        String after = null;
        int read = 0;
        while (read < CALL_LOG_LOOKBACK) {
            CallLogPage page = callLog.page(CALL_LOG_PAGE, after).get();
            if (page.unseenMissed() == 0) {
                break;
            }
            for (CallLogEntry entry : page.entries()) {
                if (entry.unseen()) {
                    unseen.add(entry);
                }
            }
            read += page.entries().size();
            if (!page.more() || page.entries().isEmpty() || unseen.size() >= page.unseenMissed()) {
                break;
            }
            after = page.entries().get(page.entries().size() - 1).id();
        }
        Collections.reverse(unseen);
        return unseen;
    }
}
