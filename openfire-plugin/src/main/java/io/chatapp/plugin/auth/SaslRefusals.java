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
}
