package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chatapp.client.ChatClientException;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How a client request failed, for tests. */
final class ClientFailures {

    private ClientFailures() {
    }

    /** The failure of a request that waits for its future ({@code ….join()}); fails the test when it succeeds. */
    static ChatClientException failureOf(ThrowingCallable request) {
        Throwable thrown = catchThrowable(request);
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ChatClientException.class);
        return (ChatClientException) thrown.getCause();
    }

    /** Why such a request failed. */
    static ChatClientException.Reason reasonOf(ThrowingCallable request) {
        return failureOf(request).reason();
    }
}
