package io.chatapp.plugin.push;

import java.util.concurrent.CompletableFuture;

/** Publishes through WebPush for WebPush registrations and through XMPP (XEP-0357) for the others. */
public record RoutingGateway(PushGateway xmpp, PushGateway webPush) implements PushGateway {

    @Override
    public CompletableFuture<PublishOutcome> publish(PushRegistration registration, PushSummary summary) {
        return (registration.isWebPush() ? webPush : xmpp).publish(registration, summary);
    }
}
