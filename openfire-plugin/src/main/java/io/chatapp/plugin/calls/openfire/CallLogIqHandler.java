package io.chatapp.plugin.calls.openfire;

import io.chatapp.plugin.calls.CallLogEntry;
import io.chatapp.plugin.calls.CallLogService;
import io.chatapp.plugin.calls.CallPage;
import io.chatapp.plugin.calls.CallPageRequest;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import io.chatapp.plugin.xmpp.XmppTime;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;

/**
 * {@code urn:chatapp:calls:0} (docs/protocol.md), asked of one's own account: {@code <calls/>} (get) pages the
 * requester's call log newest first with XEP-0059 ({@code max}, {@code after} for older entries, {@code before} for
 * newer ones), {@code <seen/>} (set) marks their missed calls seen. The work runs on the feature's threads.
 */
final class CallLogIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:chatapp:calls:0";
    static final String RSM = "http://jabber.org/protocol/rsm";
    private static final int DEFAULT_MAX = 50;

    private final CallLogService log;
    private final Executor threads;
    private final LocalUsers users;

    CallLogIqHandler(CallLogService log, Executor threads, String domain, PluginRouting routing) {
        super("chat-app call log", "calls", NAMESPACE, routing);
        this.log = log;
        this.threads = threads;
        this.users = new LocalUsers(domain);
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!users.contains(request.getFrom())) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "the call log is for users of this server");
        }
        if (!forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only your own call log can be read");
        }
        Element child = request.getChildElement();
        boolean set = request.getType() == IQ.Type.set;
        Work work = switch (child.getName()) {
            case "calls" -> {
                if (set) {
                    throw new StanzaErrorException(StanzaError.BAD_REQUEST, "<calls/> is an IQ get");
                }
                CallPageRequest page = CallPageRequest.fromRsm(child.element(QName.get("set", RSM)), DEFAULT_MAX);
                yield me -> calls(log.page(me, page));
            }
            case "seen" -> {
                if (!set) {
                    throw new StanzaErrorException(StanzaError.BAD_REQUEST, "<seen/> is an IQ set");
                }
                yield me -> {
                    log.markMissedSeen(me);
                    return null;
                };
            }
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown request " + child.getName());
        };
        return runOn(threads, request, work);
    }

    private static Element calls(CallPage page) {
        Element calls = DocumentHelper.createElement(QName.get("calls", NAMESPACE))
                .addAttribute("unseen-missed", Integer.toString(page.unseenMissed()))
                .addAttribute("more", Boolean.toString(page.more()));
        for (CallLogEntry entry : page.entries()) {
            Element call = calls.addElement("call")
                    .addAttribute("id", Long.toString(entry.id()))
                    .addAttribute("sid", entry.callId())
                    .addAttribute("direction", entry.outgoing() ? "outgoing" : "incoming")
                    .addAttribute("peer", entry.peer())
                    .addAttribute("media", entry.video() ? "video" : "audio")
                    .addAttribute("outcome", entry.outcome().wire())
                    .addAttribute("proposed", XmppTime.format(entry.proposedAt()))
                    .addAttribute("duration", Long.toString(entry.duration().toSeconds()));
            time(call, "answered", entry.answeredAt());
            time(call, "ended", entry.endedAt());
            if (entry.unseen()) {
                call.addAttribute("unseen", "true");
            }
        }
        Element set = calls.addElement(QName.get("set", RSM));
        if (!page.entries().isEmpty()) {
            set.addElement("first").addAttribute("index", "0")
                    .setText(Long.toString(page.entries().get(0).id()));
            set.addElement("last").setText(Long.toString(page.entries().get(page.entries().size() - 1).id()));
        }
        return calls;
    }

    private static void time(Element call, String name, Instant instant) {
        if (instant != null) {
            call.addAttribute(name, XmppTime.format(instant));
        }
    }
}
