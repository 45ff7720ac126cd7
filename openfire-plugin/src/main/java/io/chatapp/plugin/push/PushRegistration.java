package io.chatapp.plugin.push;

/**
 * One device's XEP-0357 registration.
 *
 * @param username       the account's local part
 * @param resource       the resource of the full JID that enabled push: the device, online or not
 * @param service        the app server's JID, where publishes go
 * @param node           the node on the app server naming this device
 * @param publishOptions the publish-options data form as the client sent it (XML), or null without one; for a
 *                       WebPush registration the subscription's keys, {@code base64url(p256dh).base64url(auth)}
 */
public record PushRegistration(String username, String resource, String service, String node,
                               String publishOptions) {

    /**
     * The most the registration's key (user name, app server and node, UTF-8) may take, in bytes: PostgreSQL indexes
     * at most 2,704 bytes of a key, and a longer one failed the insert (an {@code internal-server-error} for a
     * client's 256 KB node, found by {@code OversizedRequestTest}).
     */
    public static final int MAX_KEY_BYTES = 2_400;

    /** The node name of every WebPush registration, whose {@link #service} is the endpoint URL. */
    public static final String WEBPUSH = "webpush";

    /** A WebPush subscription (RFC 8030) rather than a XEP-0357 app server. */
    public boolean isWebPush() {
        return WEBPUSH.equals(node) && (service.startsWith("https://") || service.startsWith("http://"));
    }

    /** Whether its key fits in {@link #MAX_KEY_BYTES}. */
    public boolean keyFits() {
        return utf8Length(username) + utf8Length(service) + utf8Length(node) <= MAX_KEY_BYTES;
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Whether this is the registration of that app server and node (the registration's key with the user). */
    public boolean isAt(String otherService, String otherNode) {
        return service.equals(otherService) && (otherNode == null || node.equals(otherNode));
    }
}
