package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
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
    void accountRefusalsTakeTheServersWordsAndTheirXep0077Meaning() {
        ChatClientException weak = Failures.fromAccountRefusal(StanzaError.getBuilder(
                StanzaError.Condition.not_acceptable).setDescriptiveEnText("The password must not contain the user "
                + "name.").build(), null);
        assertThat(weak.reason()).isEqualTo(Reason.INVALID_INPUT);
        assertThat(weak.getMessage()).isEqualTo("The password must not contain the user name.");
        assertThat(weak.serverText()).contains("The password must not contain the user name.");
        ChatClientException limited = Failures.fromAccountRefusal(StanzaError.getBuilder(
                StanzaError.Condition.resource_constraint).setDescriptiveEnText("Too many registration attempts from "
                + "your address. Try again in 30 s.").build(), null);
        assertThat(limited.reason()).isEqualTo(Reason.RATE_LIMITED);
        ChatClientException bare = Failures.fromAccountRefusal(StanzaError.getBuilder(
                StanzaError.Condition.not_allowed).build(), null);
        assertThat(bare.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(bare.serverText()).isEmpty();
        assertThat(bare.getMessage()).isEqualTo("The server does not allow that");
    }

    @Test
    void saslFailuresSayWhyTheLoginWasRefused() {
        assertThat(saslReason(SASLError.not_authorized)).isEqualTo(Reason.NOT_AUTHORIZED);
        assertThat(saslReason(SASLError.temporary_auth_failure)).isEqualTo(Reason.LOCKED_OUT);
        assertThat(saslReason(SASLError.account_disabled)).isEqualTo(Reason.ACCOUNT_DISABLED);
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

    private static Reason saslReason(SASLError error) {
        return Failures.translate(new SASLErrorException("PLAIN", new SaslNonza.SASLFailure(error.toString())))
                .reason();
    }

    private static Reason reasonOf(StanzaError.Condition condition) {
        StanzaError error = StanzaError.getBuilder(condition).build();
        return Failures.translate(new XMPPException.XMPPErrorException(null, error)).reason();
    }
}
