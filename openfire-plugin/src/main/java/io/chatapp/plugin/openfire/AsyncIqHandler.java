package io.chatapp.plugin.openfire;

import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dom4j.Element;
import org.jivesoftware.openfire.IQHandlerInfo;
import org.jivesoftware.openfire.handler.IQHandler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * An IQ handler whose work runs off Openfire's packet thread: {@link #answer} returns at once with a future (usually
 * of a database query on the plugin's own executor), and the reply is routed when it completes. Openfire's packet
 * threads therefore never wait for the database.
 */
public abstract class AsyncIqHandler extends IQHandler {

    private final IQHandlerInfo info;
    protected final PluginRouting routing;

    protected AsyncIqHandler(String name, String element, String namespace, PluginRouting routing) {
        super(name);
        this.info = new IQHandlerInfo(element, namespace);
        this.routing = routing;
    }

    /** The answer to a get or set; may throw {@link StanzaErrorException} for a refusal known at once. */
    protected abstract CompletableFuture<IQ> answer(IQ request);

    @Override
    public final IQ handleIQ(IQ request) {
        if (request.getType() == IQ.Type.result || request.getType() == IQ.Type.error
                || request.getChildElement() == null) {
            return null;
        }
        CompletableFuture<IQ> answer;
        try {
            answer = answer(request);
        } catch (StanzaErrorException | IllegalArgumentException e) {
            answer = CompletableFuture.failedFuture(e instanceof StanzaErrorException ? e
                    : new StanzaErrorException(io.chatapp.plugin.xmpp.StanzaError.BAD_REQUEST, e.getMessage()));
        }
        answer.whenComplete((reply, failure) -> {
            IQ routed = failure == null ? reply : PluginRouting.errorReply(request, failure);
            if (routed.getFrom() == null) {
                // A request without 'to' was handled for the account (RFC 6120 §10.3.3): answer from it.
                routed.setFrom(request.getFrom().asBareJID());
            }
            routing.route(routed);
        });
        return null;
    }

    @Override
    public final IQHandlerInfo getInfo() {
        return info;
    }

    /**
     * Whether the request is for the server acting for the sender's own account (RFC 6120 §10.3.3): addressed to no
     * one, to a domain, or to the sender's bare JID. Openfire 4.2 passes a request without {@code to} on as it is;
     * Openfire 5.x fills in the sender's bare JID first ({@code xmpp.server.rewrite.replace-missing-to}, on by
     * default), so the same request arrives addressed to the account: both mean the same.
     */
    protected static boolean forOwnAccount(IQ request) {
        JID to = request.getTo();
        return to == null || to.getNode() == null || to.toBareJID().equals(requester(request));
    }

    /** The work of one request, given the requester's bare JID: the result's child element, or null for none. */
    @FunctionalInterface
    protected interface Work {
        Element run(String requester) throws Exception;
    }

    /**
     * Runs {@code work} for the request's sender on {@code threads}: the answer is a result IQ with the element it
     * returns, or the error {@link #failure} makes of what it threw; a full executor is {@code resource-constraint}
     * at once.
     */
    protected final CompletableFuture<IQ> runOn(Executor threads, IQ request, Work work) {
        String requester = requester(request);
        CompletableFuture<IQ> answer = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                try {
                    IQ reply = IQ.createResultIQ(request);
                    Element result = work.run(requester);
                    if (result != null) {
                        reply.setChildElement(result);
                    }
                    answer.complete(reply);
                } catch (Exception e) {
                    answer.completeExceptionally(failure(e));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new StanzaErrorException(io.chatapp.plugin.xmpp.StanzaError.RESOURCE_CONSTRAINT,
                    "the server is busy; try again");
        }
        return answer;
    }

    /** What a failure of {@link #runOn}'s work is answered with; a feature maps its own refusals to stanza errors. */
    protected Throwable failure(Exception e) {
        return e instanceof StanzaErrorException ? e : new CompletionException(e);
    }

    /** The bare JID of the account that sent the request. */
    protected static String requester(IQ request) {
        return request.getFrom().toBareJID();
    }
}
