package io.chatapp.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where chatapp keeps its files: {@code $CHATAPP_CONFIG_DIR} if set, else {@code $XDG_CONFIG_HOME/chatapp}, else
 * {@code ~/.config/chatapp}.
 */
public final class ConfigDirectory {

    public static final String OVERRIDE_VARIABLE = "CHATAPP_CONFIG_DIR";
    public static final String XDG_VARIABLE = "XDG_CONFIG_HOME";

    private ConfigDirectory() {
    }

    public static Path resolve(Map<String, String> environment, Path userHome) {
        String override = environment.get(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String xdg = environment.get(XDG_VARIABLE);
        // The XDG base directory specification says relative paths are invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("chatapp").normalize();
        }
        return userHome.resolve(".config").resolve("chatapp").toAbsolutePath().normalize();
    }
}
