package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.ArchiveQuery;
import io.chatapp.plugin.archive.MamQueryParser;
import io.chatapp.plugin.archive.MamRequest;
import io.chatapp.plugin.archive.MamResults;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.openfire.MamIqHandler;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Instant;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * XEP-0313 queries addressed to a group room, answered by the plugin (Openfire 4.2's MUC service has no archive):
 * members only, and each member sees the group's history only from when they joined. The room would answer with an
 * error, and an interceptor cannot drop an IQ without Openfire answering {@code not-allowed}; so
 * {@link GroupInterceptor} readdresses the query to the server ({@link RoomIqReaddressing}, as {@code archive})
 * and {@link GroupIqHandler} hands it back here, answered as if by the room.
 */
final class GroupMam {

    private final GroupService groups;
    private final MessageArchive archive;
    private final MamQueryParser parser;
    private final PluginRouting routing;

    GroupMam(GroupService groups, MessageArchive archive, int maxPageSize, PluginRouting routing) {
        this.groups = groups;
        this.archive = archive;
        this.parser = new MamQueryParser(maxPageSize);
        this.routing = routing;
    }

    static boolean isQuery(IQ iq) {
        Element child = iq.getChildElement();
        return child != null && MamQueryParser.NAMESPACE.equals(child.getNamespaceURI())
                && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set);
    }

    static final String READDRESSED = "archive";

    /** Answers the query: the results are routed from the room, the IQ result (fin) or error is returned. */
    java.util.concurrent.CompletableFuture<IQ> answer(IQ request) {
        String room = request.getTo().toBareJID();
        try {
            Instant since = groups.memberSince(room, request.getFrom().toBareJID()).orElseThrow(() ->
                    new StanzaErrorException(StanzaError.FORBIDDEN, "only members can read a group's history"));
            if (request.getType() == IQ.Type.get || !"query".equals(request.getChildElement().getName())) {
                IQ form = IQ.createResultIQ(request);
                form.setChildElement(MamResults.form());
                return java.util.concurrent.CompletableFuture.completedFuture(form);
            }
            MamRequest query = parser.parse(request.getChildElement());
            return archive.query(room, fromJoining(query.query(), since, room)).handle((page, failure) ->
                    failure != null
                            ? PluginRouting.errorReply(request, MamIqHandler.unknownIdAsItemNotFound(failure))
                            : MamIqHandler.routeResults(request, room, query.queryId(), page, routing));
        } catch (StanzaErrorException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(PluginRouting.errorReply(request, e));
        } catch (IllegalArgumentException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(PluginRouting.errorReply(request,
                    new StanzaErrorException(StanzaError.BAD_REQUEST, e.getMessage())));
        }
    }

    /** The room's archive (sender and recipient are the room), from the member's joining on. */
    private static ArchiveQuery fromJoining(ArchiveQuery query, Instant since, String room) {
        Instant start = query.start() == null || query.start().isBefore(since) ? since : query.start();
        return new ArchiveQuery(room, start, query.end(), query.afterId(), query.beforeId(), query.max(),
                query.fromEnd());
    }
}
