package io.chatapp.plugin.media.openfire;

import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.media.SlotRefusedException;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;
import org.dom4j.Element;
import org.xmpp.component.Component;
import org.xmpp.component.ComponentManager;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

/**
 * The XEP-0363 HTTP File Upload service as an XMPP component on {@code upload.<domain>}, registered through
 * Tinder's {@link ComponentManager} like Openfire's own upload plugin, so it is listed in the server's disco#items
 * and standard clients find it. Disco is answered from memory; a slot request is answered when the media service's
 * background work (quota check, slot record) completes, never on the packet thread.
 */
final class UploadComponent implements Component {

    static final String NAMESPACE = "urn:xmpp:http:upload:0";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    private static final String DATA_FORMS = "jabber:x:data";

    private final MediaService media;
    private final PluginRouting routing;
    private final LocalUsers users;

    UploadComponent(MediaService media, PluginRouting routing, String domain) {
        this.media = media;
        this.routing = routing;
        this.users = new LocalUsers(domain);
    }

    @Override
    public String getName() {
        return "HTTP File Upload";
    }

    @Override
    public String getDescription() {
        return "chat-app media upload service (XEP-0363)";
    }

    @Override
    public void processPacket(Packet packet) {
        if (!(packet instanceof IQ iq) || iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error) {
            return;
        }
        Element child = iq.getChildElement();
        String namespace = child == null ? null : child.getNamespaceURI();
        if (iq.getType() == IQ.Type.get && DISCO_INFO.equals(namespace)) {
            routing.route(discoInfo(iq));
        } else if (iq.getType() == IQ.Type.get && DISCO_ITEMS.equals(namespace)) {
            IQ reply = IQ.createResultIQ(iq);
            reply.setChildElement("query", DISCO_ITEMS);
            routing.route(reply);
        } else if (iq.getType() == IQ.Type.get && NAMESPACE.equals(namespace) && "request".equals(child.getName())) {
            requestSlot(iq, child);
        } else {
            routing.route(error(iq, StanzaError.SERVICE_UNAVAILABLE, null));
        }
    }

    private IQ discoInfo(IQ request) {
        IQ reply = IQ.createResultIQ(request);
        Element query = reply.setChildElement("query", DISCO_INFO);
        query.addElement("identity").addAttribute("category", "store").addAttribute("type", "file")
                .addAttribute("name", getName());
        query.addElement("feature").addAttribute("var", NAMESPACE);
        query.addElement("feature").addAttribute("var", DISCO_INFO);
        // XEP-0363 §3 via XEP-0128: the largest file the service takes.
        Element form = query.addElement("x", DATA_FORMS).addAttribute("type", "result");
        form.addElement("field").addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden")
                .addElement("value").setText(NAMESPACE);
        form.addElement("field").addAttribute("var", "max-file-size").addElement("value")
                .setText(Long.toString(media.maxFileSize()));
        return reply;
    }

    private void requestSlot(IQ request, Element element) {
        if (!users.contains(request.getFrom())) {
            routing.route(error(request, StanzaError.FORBIDDEN, "only users of this server may upload"));
            return;
        }
        long size;
        try {
            size = Long.parseLong(element.attributeValue("size", "").trim());
        } catch (NumberFormatException e) {
            routing.route(error(request, StanzaError.BAD_REQUEST, "the size attribute must be a number of bytes"));
            return;
        }
        media.requestSlot(request.getFrom().toBareJID(), element.attributeValue("filename"), size,
                element.attributeValue("content-type")).whenComplete((slot, failure) -> {
                    if (failure != null) {
                        routing.route(refusal(request, failure));
                        return;
                    }
                    IQ reply = IQ.createResultIQ(request);
                    Element answer = reply.setChildElement("slot", NAMESPACE);
                    Element put = answer.addElement("put").addAttribute("url", slot.putUrl());
                    slot.putHeaders().forEach((name, value) -> put.addElement("header").addAttribute("name", name)
                            .setText(value));
                    answer.addElement("get").addAttribute("url", slot.getUrl());
                    routing.route(reply);
                });
    }

    /**
     * The XEP-0363 §4.1 errors: file-too-large with the limit, the quota, a full store with when to retry, or the
     * plain condition.
     */
    private static IQ refusal(IQ request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof SlotRefusedException refused)) {
            IQ reply = PluginRouting.errorReply(request, cause);
            return reply;
        }
        return switch (refused.reason()) {
            case TOO_LARGE -> {
                IQ reply = error(request, StanzaError.NOT_ACCEPTABLE, refused.getMessage());
                reply.getError().setType(PacketError.Type.modify);
                reply.getElement().element("error").addElement("file-too-large", NAMESPACE)
                        .addElement("max-file-size").setText(Long.toString(refused.maxBytes()));
                yield reply;
            }
            case QUOTA -> error(request, StanzaError.RESOURCE_CONSTRAINT, refused.getMessage());
            case STORE_FULL -> {
                // XEP-0363 §4.1's temporary error: type wait, and when to try again (XEP-0082, UTC, whole seconds).
                IQ reply = error(request, StanzaError.RESOURCE_CONSTRAINT, refused.getMessage());
                reply.getElement().element("error").addElement("retry", NAMESPACE).addAttribute("stamp",
                        DateTimeFormatter.ISO_INSTANT.format(refused.retryAt().truncatedTo(ChronoUnit.SECONDS)));
                yield reply;
            }
            case DISALLOWED_TYPE -> error(request, StanzaError.NOT_ACCEPTABLE, refused.getMessage());
            case NOT_ALLOWED -> error(request, StanzaError.FORBIDDEN, refused.getMessage());
            case BAD_REQUEST -> error(request, StanzaError.BAD_REQUEST, refused.getMessage());
        };
    }

    private static IQ error(IQ request, StanzaError condition, String text) {
        IQ reply = IQ.createResultIQ(request);
        if (request.getChildElement() != null) {
            reply.setChildElement(request.getChildElement().createCopy());
        }
        PacketError error = PluginRouting.error(condition, text);
        reply.setError(error);
        return reply;
    }

    @Override
    public void initialize(JID jid, ComponentManager componentManager) {
        // Replies go through PluginRouting; nothing to keep.
    }

    @Override
    public void start() {
        // Stateless: the media service was started by ChatAppServer.
    }

    @Override
    public void shutdown() {
        // Stateless: the media service is stopped by ChatAppServer.
    }
}
