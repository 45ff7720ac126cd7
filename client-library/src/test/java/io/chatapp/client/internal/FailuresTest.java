package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void stanzaErrorsMapToReasons() {
        assertThat(reasonOf(StanzaError.Condition.conflict)).isEqualTo(Reason.ACCOUNT_EXISTS);
        assertThat(reasonOf(StanzaError.Condition.not_allowed)).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(reasonOf(StanzaError.Condition.forbidden)).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(reasonOf(StanzaError.Condition.not_acceptable)).isEqualTo(Reason.INVALID_INPUT);
        assertThat(reasonOf(StanzaError.Condition.internal_server_error)).isEqualTo(Reason.SERVER_ERROR);
        // The messaging protocol's errors (docs/protocol.md).
        assertThat(reasonOf(StanzaError.Condition.item_not_found)).isEqualTo(Reason.NOT_FOUND);
        assertThat(reasonOf(StanzaError.Condition.resource_constraint)).isEqualTo(Reason.SERVER_BUSY);
        assertThat(reasonOf(StanzaError.Condition.feature_not_implemented)).isEqualTo(Reason.UNSUPPORTED);
        assertThat(reasonOf(StanzaError.Condition.service_unavailable)).isEqualTo(Reason.UNSUPPORTED);
        assertThat(reasonOf(StanzaError.Condition.bad_request)).isEqualTo(Reason.INVALID_INPUT);
    }

    @Test
    void networkAndTimeoutFailuresAreNamedSo() {
        assertThat(Failures.translate(new ConnectException("Connection refused")).reason()).isEqualTo(Reason.NETWORK);
        assertThat(Failures.translate(new ConnectException("Connection refused")).getMessage())
                .contains("Connection refused");
        assertThat(Failures.translate(new SmackException.NotConnectedException()).reason())
                .isEqualTo(Reason.NOT_CONNECTED);
    }

    @Test
    void wrappersAreUnwrappedAndKnownFailuresKept() {
        ChatClientException known = new ChatClientException(Reason.TLS, "untrusted");
        assertThat(Failures.translate(new CompletionException(known))).isSameAs(known);
    }

    private static Reason reasonOf(StanzaError.Condition condition) {
        StanzaError error = StanzaError.getBuilder(condition).build();
        return Failures.translate(new XMPPException.XMPPErrorException(null, error)).reason();
    }
}
