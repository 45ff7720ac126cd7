package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PresenceModeTest {

    @Test
    void wireValuesAreTheXmppOnes() {
        assertThat(PresenceMode.values()).extracting(PresenceMode::xmppValue)
                .containsExactly("available", "chat", "away", "xa", "dnd", "offline");
        assertThat(Subscription.values()).extracting(Subscription::xmppValue)
                .containsExactly("none", "to", "from", "both");
        for (PresenceMode mode : PresenceMode.values()) {
            assertThat(PresenceMode.ofXmppValue(mode.xmppValue())).isEqualTo(mode);
        }
    }

    @Test
    void anUnknownModeIsInvalidInput() {
        assertThatThrownBy(() -> PresenceMode.ofXmppValue("busy")).isInstanceOf(ChatClientException.class)
                .extracting(e -> ((ChatClientException) e).reason())
                .isEqualTo(ChatClientException.Reason.INVALID_INPUT);
    }
}
