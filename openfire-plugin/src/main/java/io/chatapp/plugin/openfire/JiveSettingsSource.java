package io.chatapp.plugin.openfire;

import io.chatapp.plugin.config.SettingsSource;
import org.jivesoftware.util.JiveGlobals;

/** Reads settings from Openfire system properties (only the getter, whose signature every version shares). */
final class JiveSettingsSource implements SettingsSource {

    @Override
    public String get(String name) {
        return JiveGlobals.getProperty(name);
    }
}
