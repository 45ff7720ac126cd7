package io.chatapp.devserver;

import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;

/** Openfire 4.2.0 in this JVM: its singletons are called directly. */
final class InProcessOpenfire implements OpenfireRuntime {

    private final XMPPServer xmpp;

    InProcessOpenfire(XMPPServer xmpp) {
        this.xmpp = xmpp;
    }

    /** Creates an account directly in Openfire (as an operator would in the admin console). */
    @Override
    public void createUser(String username, String password) {
        try {
            UserManager.getInstance().createUser(username, password, username, null);
        } catch (UserAlreadyExistsException e) {
            throw new IllegalArgumentException("User " + username + " already exists", e);
        }
    }

    @Override
    public boolean userExists(String username) {
        try {
            UserManager.getInstance().getUser(username);
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    @Override
    public Plugin chatAppPlugin() {
        Plugin plugin = xmpp.getPluginManager().getPlugin("chatapp");
        if (plugin == null) {
            throw new IllegalStateException("The chat-app plugin is not loaded");
        }
        return plugin;
    }

    @Override
    public int clientSessionCount() {
        return SessionManager.getInstance().getUserSessionsCount(true);
    }

    @Override
    public void restartPluginInPlace() {
        PluginManager manager = xmpp.getPluginManager();
        Plugin plugin = chatAppPlugin();
        plugin.destroyPlugin();
        plugin.initializePlugin(manager, manager.getPluginDirectory(plugin));
    }

    @Override
    public void close() {
        xmpp.stop();
    }
}
