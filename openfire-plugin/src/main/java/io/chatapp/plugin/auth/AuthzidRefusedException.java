package io.chatapp.plugin.auth;

/**
 * An authorization identity that names another account than the token's subject: the token may be genuine, but it
 * does not let its holder act as someone else.
 */
final class AuthzidRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    AuthzidRefusedException(String reason) {
        super(reason);
    }
}
