package io.chatapp.plugin.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;

/**
 * A feature as the plugin installs it: its Openfire-free part, which {@code ChatAppServer} starts, and its binding to
 * Openfire, put on the packet path once every feature has started. Each feature's binding lives in its own
 * {@code <feature>.openfire} package; {@link ChatAppPlugin#FEATURES} lists them.
 */
public interface OpenfireFeature {

    Feature feature();

    /** Registers the feature's interceptors, IQ handlers, disco features and components. */
    void bind(Services services, String domain, OpenfireRegistrations registrations);
}
