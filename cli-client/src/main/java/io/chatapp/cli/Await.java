package io.chatapp.cli;

import io.chatapp.client.ChatClientException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for a client request and turns its failure into a {@link CliException} with a clear message. */
final class Await {

    private Await() {
    }

    /**
     * The request's result.
     *
     * @param action what the request does, for the message: "login failed: …"
     */
    static <T> T result(CompletableFuture<T> request, String action) {
        try {
            return request.join();
        } catch (CompletionException e) {
            throw failure(e, action);
        } catch (ChatClientException e) {
            throw new CliException(FailureMessages.of(e, action), e);
        }
    }

    /** Waits for the request and ignores its failure: for goodbyes on the way out. */
    static void quietly(CompletableFuture<?> request) {
        try {
            request.join();
        } catch (RuntimeException ignored) {
            // the connection is going away anyway
        }
    }

    static CliException failure(Throwable e, String action) {
        Throwable cause = FailureMessages.unwrap(e);
        return cause instanceof CliException cli ? cli : new CliException(FailureMessages.of(cause, action), cause);
    }
}
