package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jxmpp.stringprep.XmppStringprepException;

/** Turns Smack's many exception types into a {@link ChatClientException} with a reason and a plain message. */
public final class Failures {

    private Failures() {
    }

    public static ChatClientException translate(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ChatClientException known) {
            return known;
        }
        if (e instanceof SASLErrorException sasl) {
            return fromSaslFailure(sasl);
        }
        if (e instanceof XMPPException.XMPPErrorException error) {
            return fromStanzaError(error.getStanzaError(), e);
        }
        if (e instanceof SmackException.NoResponseException) {
            return new ChatClientException(Reason.TIMEOUT, "The server did not answer in time", e);
        }
        if (e instanceof SmackException.NotConnectedException || e instanceof SmackException.NotLoggedInException) {
            return new ChatClientException(Reason.NOT_CONNECTED, "Not connected to the server", e);
        }
        if (e instanceof SmackException.SecurityRequiredByClientException) {
            return new ChatClientException(Reason.TLS, "The server does not offer TLS, which is required", e);
        }
        if (e instanceof XmppStringprepException) {
            return new ChatClientException(Reason.INVALID_INPUT, "Invalid address: " + e.getMessage(), e);
        }
        if (hasCause(e, SSLException.class) || hasCause(e, java.security.cert.CertificateException.class)) {
            return new ChatClientException(Reason.TLS, "The server's certificate is not trusted: "
                    + rootMessage(e), e);
        }
        if (e instanceof SmackException.EndpointConnectionException || e instanceof IOException
                || hasCause(e, IOException.class)) {
            return new ChatClientException(Reason.NETWORK, "Cannot reach the server: " + rootMessage(e), e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ChatClientException(Reason.NETWORK, "Interrupted", e);
        }
        return new ChatClientException(Reason.SERVER_ERROR, String.valueOf(e.getMessage()), e);
    }

    /** The reason for an error the server answered a request with (an IQ error or a message of type error). */
    public static ChatClientException fromStanzaError(StanzaError error, Throwable cause) {
        ChatClientException general = general(error, cause);
        return new ChatClientException(general.reason(), general.getMessage(), cause, error.getDescriptiveText());
    }

    private static ChatClientException general(StanzaError error, Throwable cause) {
        String text = error.getDescriptiveText() == null ? "" : ": " + error.getDescriptiveText();
        return switch (error.getCondition()) {
            case conflict -> new ChatClientException(Reason.ACCOUNT_EXISTS, "That name is already taken" + text, cause);
            case not_allowed, forbidden, registration_required ->
                    new ChatClientException(Reason.NOT_ALLOWED, "The server does not allow that" + text, cause);
            case not_authorized -> new ChatClientException(Reason.NOT_AUTHORIZED, "Not authorized" + text, cause);
            case bad_request, not_acceptable, jid_malformed ->
                    new ChatClientException(Reason.INVALID_INPUT, "The server rejected the input ("
                            + error.getCondition() + ")" + text, cause);
            case item_not_found -> new ChatClientException(Reason.NOT_FOUND, "Not found" + text, cause);
            case resource_constraint -> new ChatClientException(Reason.SERVER_BUSY,
                    "The server is busy; try again later" + text, cause);
            case feature_not_implemented, service_unavailable ->
                    new ChatClientException(Reason.UNSUPPORTED, "The server does not support that ("
                            + error.getCondition() + ")" + text, cause);
            case remote_server_timeout -> new ChatClientException(Reason.TIMEOUT, "The server timed out" + text, cause);
            default -> new ChatClientException(Reason.SERVER_ERROR, "Server error: " + error.getCondition() + text,
                    cause);
        };
    }

    /**
     * A refused account request (XEP-0077 registration or password change): the reason its condition means there,
     * and the server's text, which names the rule, as the message.
     */
    public static ChatClientException fromAccountRefusal(StanzaError error, Throwable cause) {
        String text = error.getDescriptiveText();
        Reason reason = switch (error.getCondition()) {
            case conflict -> Reason.ACCOUNT_EXISTS;
            case not_acceptable, bad_request, jid_malformed -> Reason.INVALID_INPUT;
            case resource_constraint -> Reason.RATE_LIMITED;
            default -> null;
        };
        ChatClientException general = fromStanzaError(error, cause);
        if (text == null || text.isBlank()) {
            return reason == null ? general : new ChatClientException(reason, general.getMessage(), cause, text);
        }
        return new ChatClientException(reason == null ? general.reason() : reason, text, cause, text);
    }

    private static ChatClientException fromSaslFailure(SASLErrorException e) {
        String text = e.getSASLFailure().getDescriptiveText();
        SASLError condition = e.getSASLFailure().getSASLError(); // null for a condition Smack does not know
        return switch (condition == null ? SASLError.not_authorized : condition) {
            case temporary_auth_failure -> new ChatClientException(Reason.LOCKED_OUT,
                    "Login refused for now: too many failed logins, or the server is busy with other logins; try again later",
                    e, text);
            case account_disabled -> new ChatClientException(Reason.ACCOUNT_DISABLED,
                    "Login refused: the account is disabled", e, text);
            default -> new ChatClientException(Reason.NOT_AUTHORIZED, "Login failed: wrong user name or password", e,
                    text);
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof SmackException.EndpointConnectionException endpoint) {
                for (var failure : endpoint.getConnectionExceptions()) {
                    if (failure.getException() != null && hasCause(failure.getException(), type)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The innermost cause's message: what a person needs to know about a network failure. */
    public static String rootMessage(Throwable e) {
        if (e instanceof SmackException.EndpointConnectionException endpoint
                && !endpoint.getConnectionExceptions().isEmpty()
                && endpoint.getConnectionExceptions().get(0).getException() != null) {
            // "The following addresses failed: …" lists every address tried; the first one's cause says it plainly.
            return rootMessage(endpoint.getConnectionExceptions().get(0).getException());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
