package io.chatapp.plugin.presence.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.presence.LastSeenService;
import io.chatapp.plugin.presence.PresenceFeature;
import java.time.Clock;

/** Chat states to offline users dropped; last seen noted, answered (XEP-0012) and its visibility IQ. */
public final class PresenceBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new PresenceFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        LastSeenService lastSeen = services.get(LastSeenService.class);
        registrations.intercept(new ChatStateFilter(domain));
        registrations.intercept(new LastSeenInterceptor(lastSeen, domain));
        registrations.handle(new LastSeenIqHandler(lastSeen, domain, new PluginRouting(), Clock.systemUTC()));
        registrations.serverFeature(LastSeenIqHandler.NAMESPACE);
    }
}
