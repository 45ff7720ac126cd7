package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.UnknownSession;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;

/** The XEP-0166 error answers to Jingle requests. */
final class JingleErrors {

    private JingleErrors() {
    }

    /** No such session with the sender: item-not-found with {@code <unknown-session/>}. */
    static IQ unknownSession(IQ request) {
        return IQ.createErrorResponse(request, StanzaError.getBuilder(StanzaError.Condition.item_not_found)
                .addExtension(UnknownSession.INSTANCE).build());
    }

    /** A request the session cannot take now: unexpected-request with {@code <out-of-order/>}. */
    static IQ outOfOrder(IQ request) {
        return jingleError(request, StanzaError.Condition.unexpected_request, "out-of-order");
    }

    /** A change crossing one of this side's that wins (XEP-0166 tie-break): conflict with {@code <tie-break/>}. */
    static IQ tieBreak(IQ request) {
        return jingleError(request, StanzaError.Condition.conflict, "tie-break");
    }

    /** Contents that do not describe an RTP session over ICE-UDP. */
    static IQ badRequest(IQ request) {
        return IQ.createErrorResponse(request, StanzaError.getBuilder(StanzaError.Condition.bad_request).build());
    }

    /** An action this client does not implement (content-modify, description-info, …). */
    static IQ unsupported(IQ request) {
        return jingleError(request, StanzaError.Condition.feature_not_implemented, "unsupported-info");
    }

    /** An error with a XEP-0166 condition element ({@code urn:xmpp:jingle:errors:1}) under the stanza one. */
    private static IQ jingleError(IQ request, StanzaError.Condition condition, String jingleCondition) {
        return IQ.createErrorResponse(request, StanzaError.getBuilder(condition)
                .addExtension(new StandardExtensionElement(jingleCondition, UnknownSession.NAMESPACE)).build());
    }
}
