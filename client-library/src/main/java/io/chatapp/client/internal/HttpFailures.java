package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** Words the JDK HTTP client's transport failures (the request never got an answer) for the token and media APIs. */
public final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The failure as a {@link ChatClientException}.
     *
     * @param where what was being reached, for the message: "token API at https://…"
     */
    public static ChatClientException transport(Throwable failure, String where) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ChatClientException known) {
            return known;
        }
        if (cause instanceof HttpTimeoutException) {
            return new ChatClientException(Reason.TIMEOUT, "The " + where + " did not answer in time", cause);
        }
        ChatClientException translated = Failures.translate(cause);
        if (translated.reason() == Reason.NETWORK) {
            return new ChatClientException(Reason.NETWORK, "Cannot reach the server: "
                    + networkReason(cause) + " (" + where + ")", cause);
        }
        return translated;
    }

    /** The JDK's HTTP client often throws a ConnectException without any message; say what it means. */
    private static String networkReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return failure instanceof java.net.ConnectException ? "Connection refused" : Failures.rootMessage(failure);
    }
}
