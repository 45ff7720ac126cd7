package io.chatapp.devserver;

import java.io.File;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;

/** Stands in for Openfire's admin console plugin, which is not published on Maven Central. */
public final class NoopAdminPlugin implements Plugin {

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        // Nothing to do: its only purpose is to occupy the "admin" plugin slot.
    }

    @Override
    public void destroyPlugin() {
        // Nothing was started.
    }
}
