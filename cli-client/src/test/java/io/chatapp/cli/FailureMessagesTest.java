package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void wrongPassword() {
        ChatClientException e = new ChatClientException(Reason.NOT_AUTHORIZED,
                "Login failed: wrong user name or password");

        assertThat(FailureMessages.of(e, "login")).isEqualTo("login failed: wrong user name or password");
    }

    @Test
    void aRefusedRegistrationPrintsTheServersReason() {
        ChatClientException e = new ChatClientException(Reason.INVALID_INPUT,
                "The password must not contain the user name.", null, "The password must not contain the user name.");

        assertThat(FailureMessages.of(e, "registration"))
                .isEqualTo("registration failed: the password must not contain the user name.");
    }

    @Test
    void aLockedOutLoginSaysSo() {
        ChatClientException e = new ChatClientException(Reason.LOCKED_OUT,
                "Login refused: too many failed logins. Try again in 60 s.");

        assertThat(FailureMessages.of(e, "login")).isEqualTo("login refused: too many failed logins. Try again in 60 s.");
    }

    @Test
    void connectionRefusedKeepsOnlyTheReason() {
        ChatClientException e = new ChatClientException(Reason.NETWORK, "Cannot reach the server: The following "
                + "addresses failed: 'RFC 6120 A/AAAA Endpoint + [localhost:15223] (localhost/127.0.0.1:15223)' "
                + "failed because: java.net.ConnectException: Connection refused");

        assertThat(FailureMessages.of(e, "login")).isEqualTo("cannot reach the server: Connection refused");
    }

    @Test
    void unknownHostNamesTheHost() {
        ChatClientException e = new ChatClientException(Reason.NETWORK, "Cannot reach the server: Could not "
                + "lookup the following endpoints: RemoteConnectionEndpointLookupFailure(description='DNS lookup "
                + "exception for nowhere.invalid' exception='java.net.UnknownHostException: nowhere.invalid: Name "
                + "or service not known')");

        assertThat(FailureMessages.of(e, "login")).isEqualTo("cannot reach the server: unknown host nowhere.invalid");
    }

    @Test
    void untrustedCertificateSuggestsTrust() {
        ChatClientException e = new ChatClientException(Reason.TLS,
                "The server's certificate is not trusted: PKIX path building failed");

        assertThat(FailureMessages.of(e, "login")).isEqualTo("the server's certificate is not trusted: PKIX path "
                + "building failed (give the server's certificate with --trust PEM_FILE)");
    }

    @Test
    void takenNameSaysWhatFailed() {
        ChatClientException e = new ChatClientException(Reason.ACCOUNT_EXISTS, "That name is already taken");

        assertThat(FailureMessages.of(e, "registration")).isEqualTo("registration failed: that name is already taken");
    }

    @Test
    void wrappedFailuresAreUnwrapped() {
        CompletionException wrapped = new CompletionException(
                new ChatClientException(Reason.TIMEOUT, "The server did not answer in time"));

        assertThat(FailureMessages.of(wrapped, "login")).isEqualTo("the server did not answer in time");
    }

    @Test
    void unexpectedFailureIsOneLineAndPointsToVerbose() {
        String message = FailureMessages.of(new IllegalStateException("broken\nsecond line"), "send");

        assertThat(message).doesNotContain("\n").startsWith("send failed: unexpected error:").endsWith("--verbose for details)");
    }

    @Test
    void acronymsKeepTheirCase() {
        assertThat(FailureMessages.decapitalise("TLS is required")).isEqualTo("TLS is required");
        assertThat(FailureMessages.decapitalise("Missing parameter")).isEqualTo("missing parameter");
    }

    @Test
    void aRefusedRefreshTokenTellsToLogInAgain() {
        ChatClientException e = new ChatClientException(ChatClientException.Reason.SESSION_EXPIRED,
                "The login has expired or was revoked: log in again with the password");
        assertThat(FailureMessages.of(e, "login"))
                .isEqualTo("your login has expired or was revoked; run 'chatapp login' again");
    }
}
