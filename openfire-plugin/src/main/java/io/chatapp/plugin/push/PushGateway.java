package io.chatapp.plugin.push;

import java.util.concurrent.CompletableFuture;

/** Sends one publish to a device's app server; implemented on Openfire's router by the binding. */
public interface PushGateway {

    CompletableFuture<PublishOutcome> publish(PushRegistration registration, PushSummary summary);
}
