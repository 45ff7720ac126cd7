package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.disco.IQDiscoInfoHandler;
import org.jivesoftware.openfire.handler.IQHandler;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.session.ClientSession;

/**
 * Puts the messaging features on Openfire's packet path: the interceptors (body limit, archive and stanza-ids,
 * retraction checks, receipts, chat states, last seen), the IQ handlers (MAM, message info, delete for me, last-seen
 * visibility) and their service discovery features. {@link #close()} removes each of them, in reverse order.
 */
final class MessagingAdapter implements AutoCloseable {

    /** Features advertised on the server (disco#info), for clients deciding what to use. */
    static final List<String> FEATURES = List.of(
            "urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", ArchiveInterceptor.SID, ArchiveInterceptor.RETRACT,
            MessageInfoIqHandler.NAMESPACE, ArchiveIqHandler.NAMESPACE, LastSeenIqHandler.NAMESPACE);

    private final Deque<Runnable> undo = new ArrayDeque<>();

    private MessagingAdapter() {
    }

    static MessagingAdapter install(ChatAppServer server, String domain) {
        MessagingAdapter adapter = new MessagingAdapter();
        try {
            ChatAppServer.Messaging messaging = server.messaging();
            Clock clock = Clock.systemUTC();
            PluginRouting routing = new PluginRouting();
            // First: a message over the body limit must reach none of the interceptors below, nor the groups'.
            adapter.intercept(new BodyLimitInterceptor(messaging.bodyLimit(), routing));
            RetractionGate retractions = new RetractionGate(messaging.archive(),
                    messaging.settings().retractionWindow(), routing, server.media().service());
            ArchiveInterceptor archiving = new ArchiveInterceptor(messaging.archive(), retractions, routing, domain,
                    server.media().service());
            adapter.intercept(archiving);
            // Openfire stops plugins before it stops reading from clients. Were the archive to go first, messages
            // in that gap would be acknowledged to their senders yet never archived; ending the senders'
            // sessions first leaves them unacknowledged instead: their senders see them never marked sent.
            adapter.undo.push(() -> endSessionsAtShutdown(archiving.senders()));
            adapter.intercept(new ReceiptInterceptor(messaging.receipts(), domain, clock));
            adapter.intercept(new ChatStateFilter(domain));
            adapter.intercept(new LastSeenInterceptor(messaging.lastSeen(), domain));
            adapter.handle(new MamIqHandler(messaging.archive(), messaging.settings().maxPageSize(), routing));
            adapter.handle(new MessageInfoIqHandler(messaging.messageInfo(), routing));
            adapter.handle(new ArchiveIqHandler(messaging.archive(), retractions, routing));
            adapter.handle(new LastSeenIqHandler(messaging.lastSeen(), domain, routing, clock));
            IQDiscoInfoHandler disco = XMPPServer.getInstance().getIQDiscoInfoHandler();
            for (String feature : FEATURES) {
                disco.addServerFeature(feature);
                adapter.undo.push(() -> disco.removeServerFeature(feature));
            }
            return adapter;
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    private static void endSessionsAtShutdown(Iterable<String> users) {
        XMPPServer server = XMPPServer.getInstance();
        if (!server.isShuttingDown()) {
            return;
        }
        for (String user : users) {
            for (ClientSession session : server.getSessionManager().getSessions(user)) {
                session.close();
            }
        }
    }

    private void intercept(PacketInterceptor interceptor) {
        InterceptorManager.getInstance().addInterceptor(interceptor);
        undo.push(() -> InterceptorManager.getInstance().removeInterceptor(interceptor));
    }

    private void handle(IQHandler handler) {
        IQRouter router = XMPPServer.getInstance().getIQRouter();
        router.addHandler(handler);
        undo.push(() -> router.removeHandler(handler));
    }

    @Override
    public void close() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }
}
