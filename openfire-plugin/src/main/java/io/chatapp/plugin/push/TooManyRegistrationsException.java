package io.chatapp.plugin.push;

/** A user already has as many push registrations as the server allows. */
public final class TooManyRegistrationsException extends RuntimeException {

    public TooManyRegistrationsException(int limit) {
        super("at most " + limit + " devices of one account may enable push");
    }
}
