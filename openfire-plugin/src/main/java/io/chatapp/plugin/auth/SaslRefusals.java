package io.chatapp.plugin.auth;

import javax.security.sasl.SaslException;

/**
 * How a login mechanism reports refusals that RFC 6120 §6.5 names a SASL failure condition for. The JDK's SASL API
 * has only {@link SaslException}, which the XMPP server reports as {@code <not-authorized/>}; the server adapter
 * supplies the exception its server turns into the exact condition.
 */
@FunctionalInterface
public interface SaslRefusals {

    /** Reports every refusal as not-authorized: for servers (and tests) without their own conditions. */
    SaslRefusals NOT_AUTHORIZED = SaslException::new;

    /**
     * The client asked to act as another account than the one its credentials prove ({@code <invalid-authzid/>}).
     */
    SaslException invalidAuthzid(String message);

    /**
     * The account or the client's address is locked after too many failed logins. Openfire reports it as
     * {@code <temporary-auth-failure/>} ("try again later"); its SASL failure cannot carry a {@code <text/>}.
     */
    default SaslException lockedOut(String message) {
        return new SaslException(message);
    }

    /**
     * The server runs its limit of logins at once ({@link LoginAdmission}); the credentials were not looked at.
     * Reported like a lock-out, as {@code <temporary-auth-failure/>}: RFC 6120's condition for "try again later".
     */
    default SaslException serverBusy(String message) {
        return lockedOut(message);
    }

    /** The credentials are right but the account is disabled ({@code <account-disabled/>}). */
    default SaslException accountDisabled(String message) {
        return new SaslException(message);
    }
}
