package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.push.PublishOutcome;
import io.chatapp.plugin.push.PushGateway;
import io.chatapp.plugin.push.PushRegistration;
import io.chatapp.plugin.push.PushSummary;
import io.chatapp.plugin.push.PushXml;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Publishes to an app server through Openfire's router, from the user's bare JID, and reads its answer: a result is
 * delivered; an error of type {@code wait} or a passing condition (or no answer in time) is worth a retry; any other
 * error (item-not-found, forbidden, not-authorized, service-unavailable…) means the registration is gone.
 */
final class XmppPushGateway implements PushGateway {

    private static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    private static final Set<String> PASSING = Set.of("internal-server-error", "remote-server-timeout",
            "resource-constraint", "undefined-condition");

    private final String domain;
    private final PushAnswers answers;
    private final PluginRouting routing;
    private final ScheduledExecutorService executor;
    private final Duration timeout;

    XmppPushGateway(String domain, PushAnswers answers, PluginRouting routing, ScheduledExecutorService executor,
                    Duration timeout) {
        this.domain = domain;
        this.answers = answers;
        this.routing = routing;
        this.executor = executor;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<PublishOutcome> publish(PushRegistration registration, PushSummary summary) {
        IQ publish = new IQ(IQ.Type.set, "push-" + UUID.randomUUID());
        JID appServer = new JID(registration.service());
        publish.setFrom(new JID(registration.username(), domain, null));
        publish.setTo(appServer);
        publish.setChildElement(PushXml.publish(registration, summary));
        CompletableFuture<IQ> answer = answers.expect(publish.getID(), appServer);
        executor.schedule(() -> answer.completeExceptionally(new TimeoutException("no answer within " + timeout)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        routing.route(publish);
        return answer.thenApply(XmppPushGateway::outcome);
    }

    static PublishOutcome outcome(IQ answer) {
        if (answer.getType() == IQ.Type.result) {
            return PublishOutcome.DELIVERED;
        }
        Element error = answer.getElement().element("error");
        if (error == null) {
            return PublishOutcome.GONE;
        }
        if ("wait".equals(error.attributeValue("type"))) {
            return PublishOutcome.FAILED;
        }
        for (Element condition : error.elements()) {
            if (STANZA_ERRORS.equals(condition.getNamespaceURI()) && PASSING.contains(condition.getName())) {
                return PublishOutcome.FAILED;
            }
        }
        return PublishOutcome.GONE;
    }
}
