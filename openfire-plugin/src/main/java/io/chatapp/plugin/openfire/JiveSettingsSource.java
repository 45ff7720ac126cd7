package io.chatapp.plugin.openfire;

import io.chatapp.plugin.config.SettingsSource;
import java.util.Map;
import org.jivesoftware.util.JiveGlobals;

/**
 * Reads settings from Openfire system properties (only the getter, whose signature every version shares), with
 * defaults only the adapter knows (paths under Openfire's home) for the settings that are not set.
 */
final class JiveSettingsSource implements SettingsSource {

    private final Map<String, String> defaults;

    JiveSettingsSource(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    @Override
    public String get(String name) {
        String value = JiveGlobals.getProperty(name);
        return value == null || value.isBlank() ? defaults.get(name) : value;
    }
}
