package io.chatapp.plugin.calls.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.calls.CallLogService;
import io.chatapp.plugin.calls.CallTracker;
import io.chatapp.plugin.calls.CallsFeature;
import io.chatapp.plugin.calls.ExternalServices;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import java.time.Clock;

/** Calls on Openfire: the JMI interceptor that keeps the call log, XEP-0215 and the call log IQ, in disco#info. */
public final class CallsBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new CallsFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        registrations.intercept(new JmiInterceptor(services.get(CallTracker.class), domain, Clock.systemUTC()));
        registrations.handle(new ExternalServicesIqHandler(services.get(ExternalServices.class), domain,
                new PluginRouting()));
        registrations.handle(new CallLogIqHandler(services.get(CallLogService.class),
                services.get(CallsFeature.CallThreads.class).executor(), domain, new PluginRouting()));
        registrations.serverFeature(ExternalServicesIqHandler.NAMESPACE);
        registrations.serverFeature(CallLogIqHandler.NAMESPACE);
    }
}
