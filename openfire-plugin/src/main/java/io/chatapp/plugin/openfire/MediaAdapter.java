package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.component.ComponentManagerFactory;

/**
 * Puts the upload service (XEP-0363) on {@code <subdomain>.<domain>} through Tinder's component manager, as
 * Openfire's own HTTP File Upload plugin does; {@link #close()} removes it.
 */
final class MediaAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaAdapter.class);

    private final ComponentManager components;
    private final String subdomain;

    private MediaAdapter(ComponentManager components, String subdomain) {
        this.components = components;
        this.subdomain = subdomain;
    }

    static MediaAdapter install(ChatAppServer server, PluginRouting routing, String domain) {
        ChatAppServer.Media media = server.media();
        ComponentManager components = ComponentManagerFactory.getComponentManager();
        String subdomain = media.settings().subdomain();
        try {
            components.addComponent(subdomain, new UploadComponent(media.service(), routing, domain));
        } catch (ComponentException e) {
            throw new IllegalStateException("Could not register the upload service on " + subdomain + "." + domain
                    + ": " + e.getMessage(), e);
        }
        return new MediaAdapter(components, subdomain);
    }

    @Override
    public void close() {
        try {
            components.removeComponent(subdomain);
        } catch (ComponentException e) {
            LOG.warn("Could not remove the upload service {}: {}", subdomain, e.getMessage());
        }
    }
}
