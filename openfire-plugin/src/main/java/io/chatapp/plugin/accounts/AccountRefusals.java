package io.chatapp.plugin.accounts;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;

/**
 * The XMPP error for each kind of {@link AccountException}, as {@link AccountProblems} is the HTTP one: the conditions
 * XEP-0077 defines ({@code conflict} for a taken name, {@code not-acceptable} for a broken name or password rule,
 * {@code resource-constraint} for the rate limit) with the same text the HTTP API gives.
 */
public final class AccountRefusals {

    private AccountRefusals() {
    }

    public static StanzaErrorException of(AccountException e) {
        StanzaError error = switch (e.kind()) {
            case INVALID -> StanzaError.NOT_ACCEPTABLE;
            case CONFLICT -> StanzaError.CONFLICT;
            case TOO_MANY -> StanzaError.RESOURCE_CONSTRAINT;
            case NOT_FOUND -> StanzaError.ITEM_NOT_FOUND;
            case WRONG_PASSWORD, NOT_ALLOWED -> StanzaError.NOT_ALLOWED;
        };
        return new StanzaErrorException(error, e.userMessage());
    }

    /** A password the policy refuses (a registration or a password change). */
    public static StanzaErrorException passwordRefused(String problem) {
        return new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, problem);
    }

    /** The name is taken: Openfire found the account exists. */
    public static StanzaErrorException nameTaken() {
        return new StanzaErrorException(StanzaError.CONFLICT, UsernamePolicy.TAKEN);
    }
}
