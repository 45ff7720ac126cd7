package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatClientConfigTest {

    @Test
    void defaultsAreSafe() {
        ChatClientConfig config = ChatClientConfig.builder("example.org").build();
        assertThat(config.host()).as("host defaults to the domain").isEqualTo("example.org");
        assertThat(config.port()).isEqualTo(5222);
        assertThat(config.tlsPolicy()).isEqualTo(TlsPolicy.REQUIRED);
        assertThat(config.trustedCertificate()).isEmpty();
        assertThat(config.resource()).isEmpty();
        assertThat(config.automaticReconnect()).isTrue();
        assertThat(config.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.reconnectDelay()).as("random back-off by default").isEmpty();
    }

    @Test
    void copiesKeepEverySetting() {
        ChatClientConfig config = ChatClientConfig.builder("example.org").host("10.0.0.5").port(15222)
                .tlsPolicy(TlsPolicy.IF_POSSIBLE).trustedCertificate(Path.of("server.pem")).resource("phone")
                .replyTimeout(Duration.ofSeconds(3)).automaticReconnect(false).reconnectDelay(Duration.ofSeconds(2))
                .build();
        ChatClientConfig copy = config.withResource("laptop");
        assertThat(copy.resource()).contains("laptop");
        assertThat(copy.host()).isEqualTo("10.0.0.5");
        assertThat(copy.port()).isEqualTo(15222);
        assertThat(copy.tlsPolicy()).isEqualTo(TlsPolicy.IF_POSSIBLE);
        assertThat(copy.trustedCertificate()).contains(Path.of("server.pem"));
        assertThat(copy.replyTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(copy.automaticReconnect()).isFalse();
        assertThat(copy.reconnectDelay()).contains(Duration.ofSeconds(2));
        assertThat(config.resource()).as("the original is unchanged").contains("phone");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ChatClientConfig.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatClientConfig.builder("x").port(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatClientConfig.builder("x").port(70000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatClientConfig.builder("x").replyTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidAddressesFailTheRequestNotTheCaller() {
        try (ChatClient client = ChatClient.create(ChatClientConfig.builder("example.org").build())) {
            assertThat(client.sendMessage("bob@example.org", "hi"))
                    .as("sending before login fails instead of queueing the message where it would be lost")
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().satisfies(e -> assertThat(((ChatClientException) e).reason())
                            .isEqualTo(ChatClientException.Reason.NOT_CONNECTED));
            assertThat(client.contacts().add("bad@@address", ""))
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(ChatClientException.class);
            assertThat(client.login("", "pw")).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().satisfies(e -> assertThat(((ChatClientException) e).reason())
                            .isEqualTo(ChatClientException.Reason.INVALID_INPUT));
            assertThat(client.login("alice@other.org", "pw")).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("not an account on example.org");
        }
    }

    @Test
    void aClosedClientRefusesWork() {
        ChatClient client = ChatClient.create(ChatClientConfig.builder("example.org").build());
        client.close();
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(client.sendMessage("bob@example.org", "hi")).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().satisfies(e -> assertThat(((ChatClientException) e).reason())
                        .isEqualTo(ChatClientException.Reason.NOT_CONNECTED));
    }
}
