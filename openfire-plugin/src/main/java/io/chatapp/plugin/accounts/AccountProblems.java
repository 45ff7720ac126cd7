package io.chatapp.plugin.accounts;

import io.chatapp.plugin.http.HttpProblem;

/** The HTTP error for each kind of {@link AccountException}. */
final class AccountProblems {

    private AccountProblems() {
    }

    static HttpProblem of(AccountException e) {
        return switch (e.kind()) {
            case INVALID -> new HttpProblem(400, "invalid_request", e.getMessage());
            // Not 401: the access token is fine, and a 401 would make clients drop it.
            case WRONG_PASSWORD -> new HttpProblem(403, "wrong_password", e.getMessage());
            case NOT_ALLOWED -> new HttpProblem(403, "forbidden", e.getMessage());
            case NOT_FOUND -> new HttpProblem(404, "not_found", e.getMessage());
            case CONFLICT -> new HttpProblem(409, "conflict", e.getMessage());
            case TOO_MANY -> HttpProblem.tooManyRequests(e.retryAfterSeconds(), e.userMessage());
        };
    }
}
