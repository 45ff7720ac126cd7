package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.config.Settings;
import java.io.File;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Openfire entry point: a thin adapter that reads settings from Openfire and starts {@link ChatAppServer}.
 * {@link #destroyPlugin()} undoes exactly what {@link #initializePlugin} did, in reverse order.
 *
 * <p>Only the portable Openfire API listed in docs/architecture.md may be used in this package.
 */
public final class ChatAppPlugin implements Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppPlugin.class);

    private ChatAppServer server;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        try {
            Settings settings = Settings.read(new JiveSettingsSource());
            server = ChatAppServer.start(settings, nodeId(), new OpenfireAccounts());
        } catch (RuntimeException e) {
            // Openfire only logs a failed plugin; say plainly what is wrong so the operator can fix it.
            LOG.error("chat-app plugin failed to start: {}", e.getMessage(), e);
            throw e;
        }
    }

    @Override
    public void destroyPlugin() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static String nodeId() {
        XMPPServer xmpp = XMPPServer.getInstance();
        return xmpp.getServerInfo().getHostname();
    }
}
