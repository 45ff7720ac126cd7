package io.chatapp.plugin.auth.openfire;

import io.chatapp.plugin.auth.SaslRefusals;
import javax.security.sasl.SaslException;
import org.jivesoftware.openfire.sasl.Failure;
import org.jivesoftware.openfire.sasl.SaslFailureException;

/**
 * Refusals as Openfire's SASL negotiation understands them: it sends the condition of a {@link SaslFailureException}
 * (the class and its {@code (Failure, String)} constructor are the same in 4.2 and 5.x) and not-authorized for any
 * other exception. Openfire 4.2 to 5.2 write the failure with its condition only, never the exception's message as
 * {@code <text/>}: a client learns why only from the condition.
 */
public final class OpenfireSaslRefusals implements SaslRefusals {

    @Override
    public SaslException invalidAuthzid(String message) {
        return new SaslFailureException(Failure.INVALID_AUTHZID, message);
    }

    @Override
    public SaslException lockedOut(String message) {
        return new SaslFailureException(Failure.TEMPORARY_AUTH_FAILURE, message);
    }

    @Override
    public SaslException accountDisabled(String message) {
        return new SaslFailureException(Failure.ACCOUNT_DISABLED, message);
    }
}
