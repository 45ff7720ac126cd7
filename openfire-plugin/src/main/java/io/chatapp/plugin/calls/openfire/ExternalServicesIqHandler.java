package io.chatapp.plugin.calls.openfire;

import io.chatapp.plugin.calls.ExternalService;
import io.chatapp.plugin.calls.ExternalServices;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import io.chatapp.plugin.xmpp.XmppTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * XEP-0215 External Service Discovery ({@code urn:xmpp:extdisco:2}) on the server's domain: {@code <services/>}
 * (optionally of one {@code type}) lists the STUN and TURN services with the requester's TURN credentials inline
 * ({@code username}, {@code password}, {@code expires}, {@code restricted='1'}), as Conversations and other clients
 * expect; {@code <credentials/>} answers for the one service it names. For users of this server only. Computing a
 * credential is an HMAC, so the answer is made at once.
 */
final class ExternalServicesIqHandler extends AsyncIqHandler {

    static final String NAMESPACE = "urn:xmpp:extdisco:2";

    private final ExternalServices services;
    private final LocalUsers users;
    private final String domain;

    ExternalServicesIqHandler(ExternalServices services, String domain, PluginRouting routing) {
        super("chat-app external services", "services", NAMESPACE, routing);
        this.services = services;
        this.users = new LocalUsers(domain);
        this.domain = domain;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!users.contains(request.getFrom())) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "external services are for users of this server");
        }
        JID to = request.getTo();
        if (to != null && !to.toString().equals(domain)) {
            throw new StanzaErrorException(StanzaError.SERVICE_UNAVAILABLE, "ask the server's domain");
        }
        if (request.getType() != IQ.Type.get) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "external services are asked with an IQ get");
        }
        Element child = request.getChildElement();
        String user = requester(request);
        Element answer = switch (child.getName()) {
            case "services" -> list("services", services.servicesFor(user, type(child.attributeValue("type"))));
            case "credentials" -> credentials(child, user);
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown request " + child.getName());
        };
        IQ reply = IQ.createResultIQ(request);
        reply.setChildElement(answer);
        return CompletableFuture.completedFuture(reply);
    }

    private Element credentials(Element request, String user) {
        Element wanted = request.element("service");
        if (wanted == null || wanted.attributeValue("host") == null || wanted.attributeValue("type") == null) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "<credentials/> names a service by host and type");
        }
        List<ExternalService> matching = services.servicesFor(user, type(wanted.attributeValue("type"))).stream()
                .filter(s -> s.host().equals(wanted.attributeValue("host")))
                .filter(s -> wanted.attributeValue("port") == null
                        || Integer.toString(s.port()).equals(wanted.attributeValue("port")))
                .filter(s -> s.credential().isPresent())
                .toList();
        if (matching.isEmpty()) {
            throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no such service with credentials");
        }
        return list("credentials", matching);
    }

    private static String type(String type) {
        if (type == null || type.equals("stun") || type.equals("turn")) {
            return type;
        }
        if (type.equals("stuns") || type.equals("turns")) {
            return "none"; // over TLS: none is offered, so no service has this type
        }
        throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown service type " + type);
    }

    private static Element list(String name, List<ExternalService> list) {
        Element element = DocumentHelper.createElement(QName.get(name, NAMESPACE));
        for (ExternalService service : list) {
            Element item = element.addElement("service")
                    .addAttribute("type", service.type())
                    .addAttribute("host", service.host())
                    .addAttribute("port", Integer.toString(service.port()))
                    .addAttribute("transport", service.transport());
            service.credential().ifPresent(credential -> item
                    .addAttribute("username", credential.username())
                    .addAttribute("password", credential.password())
                    .addAttribute("expires", XmppTime.format(credential.expires()))
                    .addAttribute("restricted", "1"));
        }
        return element;
    }
}
