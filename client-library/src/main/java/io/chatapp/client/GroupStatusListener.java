package io.chatapp.client;

/**
 * Hears that a message this account sent to a group reached every other member ({@link GroupChat#onStatus}; the
 * server's extension, once per message and status, while this device is online: otherwise
 * {@link GroupChat#messageInfo} tells). Called on the client's event thread, in arrival order.
 */
@FunctionalInterface
public interface GroupStatusListener {

    /**
     * @param room      the group's address
     * @param messageId the message's id as sent, or null when the server did not keep one
     * @param archiveId the group archive's id of the message
     * @param status    {@link MessageStatus#DELIVERED} to every other member, or {@link MessageStatus#READ} by all
     */
    void onGroupStatus(String room, String messageId, String archiveId, MessageStatus status);
}
