package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JidsTest {

    @Test
    void bareNameGetsTheDomain() {
        assertThat(Jids.toBareJid("bob", "example.org")).isEqualTo("bob@example.org");
    }

    @Test
    void fullBareAddressIsKept() {
        assertThat(Jids.toBareJid("bob@other.net", "example.org")).isEqualTo("bob@other.net");
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(Jids.toBareJid("  bob \n", "localhost")).isEqualTo("bob@localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "bob smith", "bob@example.org/phone", "@example.org", "bob@", "a@b@c"})
    void invalidAddressesAreUsageErrors(String user) {
        assertThatThrownBy(() -> Jids.toBareJid(user, "example.org"))
                .isInstanceOfSatisfying(CliException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(CliException.USAGE));
    }

    @Test
    void localpartIsTheNameBeforeTheAt() {
        assertThat(Jids.localpart("bob@example.org")).isEqualTo("bob");
        assertThat(Jids.localpart("bob")).isEqualTo("bob");
    }
}
