package io.chatapp.plugin.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.CallSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    @Test
    void usernameIsExpiryAndUserAndPasswordIsTheBase64HmacSha1OfIt() {
        // Vector computed independently: echo -n '1700000000:alice@example.com' | openssl dgst -sha1 -hmac north
        // -binary | base64
        TurnCredentials.Credential credential = new TurnCredentials("north")
                .issue("alice@example.com", Instant.ofEpochSecond(1_700_000_000L, 900_000_000));
        assertThat(credential.username()).isEqualTo("1700000000:alice@example.com");
        assertThat(credential.password()).isEqualTo("3celanHA8Lk9Pxu1ukG8ouF3i3g=");
        assertThat(credential.expires()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(credential.toString()).doesNotContain(credential.password());
    }

    @Test
    void servicesFollowTheSettings() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
        CallSettings settings = new CallSettings("turn.example", 3478, true, "north", Duration.ofSeconds(600),
                "stun.example", 19302, Duration.ofMinutes(2), 100);
        ExternalServices services = new ExternalServices(settings, clock);

        assertThat(services.servicesFor("bob@example.com", null))
                .extracting(ExternalService::type, ExternalService::host, ExternalService::port,
                        ExternalService::transport, ExternalService::expires)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stun", "stun.example", 19302, "udp", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("turn", "turn.example", 3478, "udp",
                                Optional.of(Instant.ofEpochSecond(1_600))),
                        org.assertj.core.groups.Tuple.tuple("turn", "turn.example", 3478, "tcp",
                                Optional.of(Instant.ofEpochSecond(1_600))));
        assertThat(services.servicesFor("bob@example.com", "turn").get(0).credential().orElseThrow().username())
                .isEqualTo("1600:bob@example.com");
        assertThat(new ExternalServices(CallSettings.defaults(), clock).servicesFor("bob@example.com", null))
                .isEmpty();
    }
}
