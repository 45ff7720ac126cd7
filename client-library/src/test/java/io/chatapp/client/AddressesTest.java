package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void aBareNameGetsTheDefaultDomain() {
        assertThat(Addresses.bare("bob", "example.org")).isEqualTo("bob@example.org");
        assertThat(Addresses.bare(" bob@other.org ", "example.org")).isEqualTo("bob@other.org");
    }

    @Test
    void malformedAddressesAreRejected() {
        for (String bad : new String[] {"", " ", "bad@@address", "@example.org", "bob@", "bob smith",
                "bob@example.org/phone", null}) {
            assertThatThrownBy(() -> Addresses.bare(bad, "example.org")).as(String.valueOf(bad))
                    .isInstanceOf(ChatClientException.class)
                    .satisfies(e -> assertThat(((ChatClientException) e).reason())
                            .isEqualTo(ChatClientException.Reason.INVALID_INPUT));
        }
    }
}
