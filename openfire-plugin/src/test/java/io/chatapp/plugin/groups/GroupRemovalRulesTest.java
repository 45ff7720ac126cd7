package io.chatapp.plugin.groups;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupRemovalRulesTest {

    private static final Instant SENT = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(48);

    @Test
    void theSenderRetractsWithinTheWindowOnly() {
        assertThatCode(() -> GroupRemovalRules.checkRetraction("bob@x", Optional.of(GroupRole.MEMBER), "bob@x", SENT,
                SENT.plus(WINDOW), WINDOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> GroupRemovalRules.checkRetraction("bob@x", Optional.of(GroupRole.MEMBER), "bob@x",
                SENT, SENT.plus(WINDOW).plusMillis(1), WINDOW))
                .satisfies(e -> refusedWith(e, StanzaError.NOT_ACCEPTABLE)).hasMessageContaining("48 hours");
    }

    @Test
    void someoneElsesMessageIsForbiddenEvenToAnAdminRetracting() {
        assertThatThrownBy(() -> GroupRemovalRules.checkRetraction("alice@x", Optional.of(GroupRole.OWNER), "bob@x",
                SENT, SENT, WINDOW)).satisfies(e -> refusedWith(e, StanzaError.FORBIDDEN));
        assertThatThrownBy(() -> GroupRemovalRules.checkRetraction("bob@x", Optional.empty(), "bob@x", SENT, SENT,
                WINDOW)).satisfies(e -> refusedWith(e, StanzaError.FORBIDDEN));
    }

    @Test
    void onlyAdminsAndTheOwnerModerate() {
        assertThatCode(() -> GroupRemovalRules.checkModeration(Optional.of(GroupRole.ADMIN)))
                .doesNotThrowAnyException();
        assertThatCode(() -> GroupRemovalRules.checkModeration(Optional.of(GroupRole.OWNER)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GroupRemovalRules.checkModeration(Optional.of(GroupRole.MEMBER)))
                .satisfies(e -> refusedWith(e, StanzaError.FORBIDDEN));
        assertThatThrownBy(() -> GroupRemovalRules.checkModeration(Optional.empty()))
                .satisfies(e -> refusedWith(e, StanzaError.FORBIDDEN));
    }

    private static void refusedWith(Throwable e, StanzaError error) {
        org.assertj.core.api.Assertions.assertThat(((StanzaErrorException) e).error()).isEqualTo(error);
    }
}
