package io.chatapp.devserver;

import org.jivesoftware.openfire.container.Plugin;

/** The running Openfire behind a {@link DevServer}: in this JVM (4.2) or in a process of its own (5.2). */
interface OpenfireRuntime extends AutoCloseable {

    void createUser(String username, String password);

    boolean userExists(String username);

    /** The plugin object itself: only where Openfire runs in this JVM. */
    Plugin chatAppPlugin();

    /** Openfire's client sessions (detached XEP-0198 ones waiting for resumption included): only in this JVM. */
    int clientSessionCount();

    /** Calls the plugin's destroy and then initialize: only where Openfire runs in this JVM. */
    void restartPluginInPlace();

    @Override
    void close();
}
