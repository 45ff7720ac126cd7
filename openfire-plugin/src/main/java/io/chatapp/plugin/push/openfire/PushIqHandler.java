package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.config.PushSettings;
import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.push.PushRegistration;
import io.chatapp.plugin.push.PushRegistrations;
import io.chatapp.plugin.push.PushXml;
import io.chatapp.plugin.push.TooManyRegistrationsException;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * XEP-0357 {@code <enable/>} and {@code <disable/>} for the sender's own account. The device is the resource of
 * the full JID that enables; a disable removes only the sender's own registrations (another user's node at the same
 * app server is untouched, whatever the request names).
 */
final class PushIqHandler extends AsyncIqHandler {

    private final PushRegistrations registrations;
    private final PushSettings settings;
    private final LocalUsers users;

    PushIqHandler(PushRegistrations registrations, PushSettings settings, String domain, PluginRouting routing) {
        super("chat-app push", "enable", PushXml.NAMESPACE, routing);
        this.registrations = registrations;
        this.settings = settings;
        this.users = new LocalUsers(domain);
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!users.contains(request.getFrom()) || !forOwnAccount(request)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "push is enabled for your own account only");
        }
        if (request.getType() != IQ.Type.set) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "enable and disable are sets");
        }
        Element child = request.getChildElement();
        String service = required(child, "jid");
        JID appServer = new JID(service);
        String username = request.getFrom().getNode();
        return switch (child.getName()) {
            case "enable" -> enable(request, child, username, appServer.toString());
            case "disable" -> registrations.disable(username, appServer.toString(), child.attributeValue("node"))
                    .thenApply(removed -> IQ.createResultIQ(request));
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown element " + child.getName());
        };
    }

    private CompletableFuture<IQ> enable(IQ request, Element enable, String username, String service) {
        String node = required(enable, "node");
        String resource = request.getFrom().getResource();
        if (resource == null) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "enable from the device's full JID");
        }
        String options;
        try {
            options = PushXml.publishOptions(enable, settings.maxPublishOptions());
        } catch (PushXml.OversizeException e) {
            throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, e.getMessage());
        }
        CompletableFuture<Void> enabled;
        try {
            enabled = registrations.enable(new PushRegistration(username, resource, service, node, options));
        } catch (IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, e.getMessage());
        }
        return enabled.handle((done, failure) -> {
            if (failure == null) {
                return IQ.createResultIQ(request);
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof TooManyRegistrationsException tooMany) {
                throw new StanzaErrorException(StanzaError.RESOURCE_CONSTRAINT, tooMany.getMessage());
            }
            throw failure instanceof CompletionException completion ? completion
                    : new CompletionException(failure);
        });
    }

    private static String required(Element element, String attribute) {
        String value = element.attributeValue(attribute);
        if (value == null || value.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, element.getName() + " needs a " + attribute);
        }
        return value;
    }
}
