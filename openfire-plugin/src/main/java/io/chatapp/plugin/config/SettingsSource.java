package io.chatapp.plugin.config;

import java.util.Map;

/**
 * Where raw setting values come from: Openfire system properties in production, a map in tests.
 * Returns {@code null} for a setting that is not set.
 */
@FunctionalInterface
public interface SettingsSource {

    String get(String name);

    static SettingsSource of(Map<String, String> values) {
        return values::get;
    }
}
