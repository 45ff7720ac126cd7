package io.chatapp.plugin.http;

/** A request that cannot be served, carrying the error response the client gets (see docs/http-api.md). */
public final class HttpProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponse response;

    public HttpProblem(int status, String error, String message) {
        this(HttpResponse.error(status, error, message), message);
    }

    private HttpProblem(HttpResponse response, String message) {
        super(message);
        this.response = response;
    }

    public HttpResponse response() {
        return response;
    }

    /** 401 with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
    public static HttpProblem unauthorized(String error, String message) {
        return new HttpProblem(HttpResponse.error(401, error, message)
                .withHeader("WWW-Authenticate", "Bearer realm=\"chatapp\""), message);
    }

    /** A temporary refusal (503, 507…) with {@code Retry-After} in whole seconds. */
    public static HttpProblem retryLater(int status, String error, long retryAfterSeconds, String message) {
        return new HttpProblem(HttpResponse.error(status, error, message)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds)), message);
    }

    /** 429 with {@code Retry-After} in whole seconds. */
    public static HttpProblem tooManyRequests(long retryAfterSeconds, String message) {
        return new HttpProblem(HttpResponse.error(429, "too_many_requests", message)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds)), message);
    }
}
