package io.chatapp.plugin.presence.openfire;

import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.presence.LastSeenService;
import io.chatapp.plugin.presence.LastSeenVisibility;
import io.chatapp.plugin.presence.LastSeenXml;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.jivesoftware.openfire.XMPPServer;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * {@code urn:chatapp:last-seen:0}: a user's own last-seen visibility (get/set), and the XEP-0012 queries that
 * {@link LastSeenInterceptor} readdressed here because the target chose {@code everyone} or {@code nobody}.
 */
final class LastSeenIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = LastSeenXml.NAMESPACE;
    static final String SETTING = "last-seen";
    /** The element name of a readdressed XEP-0012 query. */
    static final String QUERY = "query";

    private final LastSeenService lastSeen;
    private final LocalUsers users;
    private final Clock clock;

    LastSeenIqHandler(LastSeenService lastSeen, String domain, PluginRouting routing, Clock clock) {
        super("chat-app last seen", SETTING, NAMESPACE, routing);
        this.lastSeen = lastSeen;
        this.users = new LocalUsers(domain);
        this.clock = clock;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        Element child = request.getChildElement();
        if (child.getName().equals(QUERY)) {
            return lastActivity(request);
        }
        if (!child.getName().equals(SETTING)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown element " + child.getName());
        }
        // The setting is keyed by user name: a user of another server with the same name is not its owner.
        if (!users.contains(request.getFrom())) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only users of this server have this setting");
        }
        if (!forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only your own setting can be read or changed");
        }
        String username = request.getFrom().getNode();
        if (request.getType() == IQ.Type.get) {
            IQ reply = IQ.createResultIQ(request);
            reply.setChildElement(LastSeenXml.render(lastSeen.visibility(username)));
            return CompletableFuture.completedFuture(reply);
        }
        LastSeenVisibility visibility = LastSeenXml.parse(child).orElseThrow(() -> new StanzaErrorException(
                StanzaError.BAD_REQUEST, "visibility must be everyone, contacts or nobody"));
        return lastSeen.setVisibility(username, visibility).thenApply(done -> IQ.createResultIQ(request));
    }

    /** A XEP-0012 query about another user who chose {@code everyone} or {@code nobody}. */
    private CompletableFuture<IQ> lastActivity(IQ request) {
        JID target = request.getTo();
        if (target == null || target.getNode() == null) {
            return CompletableFuture.completedFuture(lastActivityError(request, StanzaError.BAD_REQUEST));
        }
        String username = target.getNode();
        boolean self = target.toBareJID().equals(requester(request));
        if (!self && lastSeen.visibility(username) != LastSeenVisibility.EVERYONE) {
            return CompletableFuture.completedFuture(lastActivityError(request, StanzaError.FORBIDDEN));
        }
        if (!XMPPServer.getInstance().getSessionManager().getSessions(username).isEmpty()) {
            return CompletableFuture.completedFuture(lastActivityResult(request, 0));
        }
        return lastSeen.lastSeen(username).thenApply(at -> at
                .map(instant -> lastActivityResult(request,
                        Math.max(0, Duration.between(instant, clock.instant()).toSeconds())))
                .orElseGet(() -> lastActivityError(request, StanzaError.ITEM_NOT_FOUND)));
    }

    private static IQ lastActivityResult(IQ request, long seconds) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(QUERY, LastSeenInterceptor.LAST_ACTIVITY).addAttribute("seconds",
                Long.toString(seconds));
        return reply;
    }

    private static IQ lastActivityError(IQ request, StanzaError error) {
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(QUERY, LastSeenInterceptor.LAST_ACTIVITY);
        reply.setError(PluginRouting.error(error, null));
        return reply;
    }
}
