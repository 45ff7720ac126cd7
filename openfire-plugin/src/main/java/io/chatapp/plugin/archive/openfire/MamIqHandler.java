package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.ArchivePage;
import io.chatapp.plugin.archive.ArchivedMessage;
import io.chatapp.plugin.archive.MamQueryParser;
import io.chatapp.plugin.archive.MamRequest;
import io.chatapp.plugin.archive.MamResults;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.UnknownArchiveIdException;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

/**
 * XEP-0313 queries of a user's own archive. Results are routed as messages to the requesting device, then the IQ
 * result with {@code <fin>}; both leave from the same thread, so the device receives them in that order.
 */
public final class MamIqHandler extends AsyncIqHandler {

    private final MessageArchive archive;
    private final MamQueryParser parser;

    MamIqHandler(MessageArchive archive, int maxPageSize, PluginRouting routing) {
        super("chat-app message archive", "query", MamQueryParser.NAMESPACE, routing);
        this.archive = archive;
        this.parser = new MamQueryParser(maxPageSize);
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only your own archive can be queried");
        }
        Element child = request.getChildElement();
        if (child.getName().equals("prefs")) {
            return CompletableFuture.completedFuture(preferences(request));
        }
        if (request.getType() == IQ.Type.get) {
            IQ form = IQ.createResultIQ(request);
            form.setChildElement(MamResults.form());
            return CompletableFuture.completedFuture(form);
        }
        MamRequest query = parser.parse(child);
        String owner = requester(request);
        return archive.query(owner, query.query()).handle((page, failure) -> {
            if (failure != null) {
                throw unknownIdAsItemNotFound(failure);
            }
            return routeResults(request, owner, query.queryId(), page, routing);
        });
    }

    /** Routes a page's results to the requesting device from {@code archiveJid}; returns the IQ result (fin). */
    public static IQ routeResults(IQ request, String archiveJid, String queryId, ArchivePage page, PluginRouting routing) {
        for (ArchivedMessage message : page.messages()) {
            Message result = new Message();
            result.setTo(request.getFrom());
            result.setFrom(archiveJid);
            result.getElement().add(MamResults.result(message, queryId));
            routing.route(result);
        }
        IQ fin = IQ.createResultIQ(request);
        fin.setChildElement(MamResults.fin(page));
        return fin;
    }

    /** Every one-to-one message is archived: preferences can be read, not changed. */
    private static IQ preferences(IQ request) {
        if (request.getType() == IQ.Type.set) {
            throw new StanzaErrorException(StanzaError.FEATURE_NOT_IMPLEMENTED,
                    "this server archives every one-to-one message");
        }
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement("prefs", MamQueryParser.NAMESPACE).addAttribute("default", "always");
        return reply;
    }

    public static RuntimeException unknownIdAsItemNotFound(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UnknownArchiveIdException) {
            return new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, cause.getMessage());
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
