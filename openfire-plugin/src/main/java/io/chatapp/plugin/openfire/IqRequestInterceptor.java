package io.chatapp.plugin.openfire;

import java.util.Set;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;

/**
 * An interceptor that takes clients' IQ requests of some namespaces on their way to Openfire's own handlers or to a
 * room, and checks, changes, readdresses or refuses them: requests the plugin acts on without an IQ handler of its
 * own. {@link OpenfireRegistrations#intercept} records what it names, as it records the handlers' namespaces, so the
 * integration tests reach every such request too.
 */
public interface IqRequestInterceptor extends PacketInterceptor {

    /** The namespaces of the request payloads it takes: the constants its own matching uses. */
    Set<String> interceptedIqNamespaces();
}
