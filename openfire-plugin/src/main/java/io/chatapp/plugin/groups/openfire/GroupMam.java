package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.ArchiveQuery;
import io.chatapp.plugin.archive.MamQueryParser;
import io.chatapp.plugin.archive.MamRequest;
import io.chatapp.plugin.archive.MamResults;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.openfire.HiddenNotices;
import io.chatapp.plugin.archive.openfire.MamIqHandler;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Instant;
import java.util.OptionalLong;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * A member's view of a group room's archive, answered by the plugin (Openfire 4.2's MUC service has no archive):
 * XEP-0313 queries addressed to the room (members only; each member sees the group's history from when they joined,
 * less what they hid) and "delete for me" ({@code urn:chatapp:archive:0} {@code <hide id='…'/>} addressed to the
 * room), which hides one message of the room for that member only and tells their other devices. The room would answer with an
 * error, and an interceptor cannot drop an IQ without Openfire answering {@code not-allowed}; so
 * {@link GroupInterceptor} readdresses the query to the server ({@link RoomIqReaddressing}, as {@code archive})
 * and {@link GroupIqHandler} hands it back here, answered as if by the room.
 */
final class GroupMam {

    private final GroupService groups;
    private final MessageArchive archive;
    private final MamQueryParser parser;
    private final HistoryReplayFilter replays;
    private final PluginRouting routing;

    GroupMam(GroupService groups, MessageArchive archive, int maxPageSize, HistoryReplayFilter replays,
             PluginRouting routing) {
        this.groups = groups;
        this.archive = archive;
        this.parser = new MamQueryParser(maxPageSize);
        this.replays = replays;
        this.routing = routing;
    }

    static boolean isQuery(IQ iq) {
        Element child = iq.getChildElement();
        return child != null && MamQueryParser.NAMESPACE.equals(child.getNamespaceURI())
                && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set);
    }

    /** Whether the IQ is a member's "delete for me" of a group message: {@code <hide/>} sent to the room. */
    static boolean isHide(IQ iq) {
        Element child = iq.getChildElement();
        return child != null && HIDE_NAMESPACE.equals(child.getNamespaceURI()) && "hide".equals(child.getName());
    }

    static final String READDRESSED = "archive";
    static final String HIDE_NAMESPACE = "urn:chatapp:archive:0";

    /** Answers the query: the results are routed from the room, the IQ result (fin) or error is returned. */
    java.util.concurrent.CompletableFuture<IQ> answer(IQ request) {
        String room = request.getTo().toBareJID();
        String member = request.getFrom().toBareJID();
        try {
            Instant since = groups.memberSince(room, member).orElseThrow(() ->
                    new StanzaErrorException(StanzaError.FORBIDDEN, "only members can read a group's history"));
            if (isHide(request)) {
                return hide(request, room, member, since);
            }
            if (request.getType() == IQ.Type.get || !"query".equals(request.getChildElement().getName())) {
                IQ form = IQ.createResultIQ(request);
                form.setChildElement(MamResults.form());
                return java.util.concurrent.CompletableFuture.completedFuture(form);
            }
            MamRequest query = parser.parse(request.getChildElement());
            return archive.queryRoom(room, member, fromJoining(query.query(), since, room)).handle((page, failure) ->
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

    /** Hides the message for the member, if it is the room's and from their time in it (else item-not-found). */
    private java.util.concurrent.CompletableFuture<IQ> hide(IQ request, String room, String member, Instant since) {
        String text = request.getChildElement().attributeValue("id");
        if (request.getType() != IQ.Type.set || text == null || text.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "hide needs an IQ set with the archive id");
        }
        StanzaErrorException unknown = new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no message " + text
                + " in this group's history");
        OptionalLong id = ArchiveIds.parse(text);
        if (id.isEmpty()) {
            throw unknown;
        }
        return archive.hideInRoom(room, member, id.getAsLong(), since).handle((hidden, failure) -> {
            if (failure != null || !hidden) {
                return PluginRouting.errorReply(request, failure != null ? failure : unknown);
            }
            replays.hidden(member, text);
            HiddenNotices.tellOtherDevices(request.getFrom(), text, routing);
            return IQ.createResultIQ(request);
        });
    }

    /** The room's archive (sender and recipient are the room), from the member's joining on. */
    private static ArchiveQuery fromJoining(ArchiveQuery query, Instant since, String room) {
        Instant start = query.start() == null || query.start().isBefore(since) ? since : query.start();
        return new ArchiveQuery(room, start, query.end(), query.afterId(), query.beforeId(), query.max(),
                query.fromEnd());
    }
}
