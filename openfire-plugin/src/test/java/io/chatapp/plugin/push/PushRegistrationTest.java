package io.chatapp.plugin.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushRegistrationTest {

    @Test
    void aKeyFitsUpToTheIndexableBytesCountedInUtf8() {
        String user = "alice";
        String service = "push.example.org";
        int room = PushRegistration.MAX_KEY_BYTES - user.length() - service.length();
        assertThat(new PushRegistration(user, "phone", service, "n".repeat(room), null).keyFits()).isTrue();
        assertThat(new PushRegistration(user, "phone", service, "n".repeat(room + 1), null).keyFits()).isFalse();
        // Two bytes each in UTF-8: half as many characters fit.
        assertThat(new PushRegistration(user, "phone", service, "\u00e9".repeat(room / 2 + 1), null).keyFits())
                .isFalse();
    }
}
