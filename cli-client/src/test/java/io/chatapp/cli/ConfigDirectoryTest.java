package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void chatappConfigDirWins() {
        Map<String, String> environment = Map.of("CHATAPP_CONFIG_DIR", "/tmp/test-config",
                "XDG_CONFIG_HOME", "/home/alice/.xdg");

        assertThat(ConfigDirectory.resolve(environment, HOME)).isEqualTo(Path.of("/tmp/test-config"));
    }

    @Test
    void xdgConfigHomeIsUsedWhenSet() {
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "/home/alice/.xdg"), HOME))
                .isEqualTo(Path.of("/home/alice/.xdg/chatapp"));
    }

    @Test
    void relativeOrEmptyXdgConfigHomeIsIgnored() {
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", "relative/dir"), HOME))
                .isEqualTo(Path.of("/home/alice/.config/chatapp"));
        assertThat(ConfigDirectory.resolve(Map.of("XDG_CONFIG_HOME", ""), HOME))
                .isEqualTo(Path.of("/home/alice/.config/chatapp"));
    }

    @Test
    void defaultsToDotConfigInTheHomeDirectory() {
        assertThat(ConfigDirectory.resolve(Map.of(), HOME)).isEqualTo(Path.of("/home/alice/.config/chatapp"));
    }
}
