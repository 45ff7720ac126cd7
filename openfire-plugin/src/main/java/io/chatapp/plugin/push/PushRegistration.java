package io.chatapp.plugin.push;

/**
 * One device's XEP-0357 registration.
 *
 * @param username       the account's local part
 * @param resource       the resource of the full JID that enabled push: the device, online or not
 * @param service        the app server's JID, where publishes go
 * @param node           the node on the app server naming this device
 * @param publishOptions the publish-options data form as the client sent it (XML), or null without one
 */
public record PushRegistration(String username, String resource, String service, String node,
                               String publishOptions) {

    /** Whether this is the registration of that app server and node (the registration's key with the user). */
    public boolean isAt(String otherService, String otherNode) {
        return service.equals(otherService) && (otherNode == null || node.equals(otherNode));
    }
}
