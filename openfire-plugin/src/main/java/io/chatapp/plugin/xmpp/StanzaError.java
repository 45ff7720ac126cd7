package io.chatapp.plugin.xmpp;

/**
 * The XMPP stanza errors (RFC 6120 §8.3.3) the plugin's features answer with, each with its default error type.
 * Domain code throws {@link StanzaErrorException}; the Openfire adapter turns it into a {@code <error/>} element.
 */
public enum StanzaError {
    BAD_REQUEST("bad-request", "modify"),
    CONFLICT("conflict", "cancel"),
    FORBIDDEN("forbidden", "auth"),
    ITEM_NOT_FOUND("item-not-found", "cancel"),
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", "cancel"),
    /** {@code modify}: the sender may change the request (RFC 6120 §8.3.3.10, XEP-0077, XEP-0363). */
    NOT_ACCEPTABLE("not-acceptable", "modify"),
    NOT_ALLOWED("not-allowed", "cancel"),
    POLICY_VIOLATION("policy-violation", "modify"),
    RESOURCE_CONSTRAINT("resource-constraint", "wait"),
    SERVICE_UNAVAILABLE("service-unavailable", "cancel"),
    INTERNAL_SERVER_ERROR("internal-server-error", "cancel");

    private final String condition;
    private final String type;

    StanzaError(String condition, String type) {
        this.condition = condition;
        this.type = type;
    }

    /** The defined condition's element name, e.g. {@code item-not-found}. */
    public String condition() {
        return condition;
    }

    /** The error type attribute, e.g. {@code cancel}. */
    public String type() {
        return type;
    }
}
