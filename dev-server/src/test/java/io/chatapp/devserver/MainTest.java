package io.chatapp.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultsAreTheStandardPortsAndEmbeddedDatabase() {
        DevServerConfig config = Main.parse(new String[0]);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(config.domain()).isEqualTo("localhost");
        assertThat(config.xmppPort()).isEqualTo(5222);
        assertThat(config.httpBindPort()).isEqualTo(7070);
        assertThat(config.pluginHttpPort()).isEqualTo(9097);
        assertThat(config.database()).isNull();
        assertThat(config.inBandRegistration()).isTrue();
        assertThat(config.plugin()).isTrue();
    }

    @Test
    void noPluginIsPlainOpenfire() {
        assertThat(Main.parse(new String[] {"--no-plugin"}).plugin()).isFalse();
    }

    @Test
    void optionsOverrideDefaults() {
        DevServerConfig config = Main.parse(new String[] {"--data", "/tmp/x", "--domain", "chat.example",
                "--xmpp-port", "15222", "--http-bind-port", "17070", "--plugin-port", "19097",
                "--jdbc-url", "jdbc:postgresql://db/chat", "--jdbc-user", "u", "--jdbc-password", "p",
                "--no-registration"});
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.domain()).isEqualTo("chat.example");
        assertThat(config.xmppPort()).isEqualTo(15222);
        assertThat(config.httpBindPort()).isEqualTo(17070);
        assertThat(config.pluginHttpPort()).isEqualTo(19097);
        assertThat(config.database()).isEqualTo(new DatabaseConfig("jdbc:postgresql://db/chat", "u", "p"));
        assertThat(config.database().toString()).doesNotContain("p]");
        assertThat(config.inBandRegistration()).isFalse();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Main.parse(new String[] {"--xmpp-port", "99999"})).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data"})).hasMessageContaining("--data needs a value");
    }
}
