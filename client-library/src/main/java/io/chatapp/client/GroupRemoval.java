package io.chatapp.client;

/**
 * A group message deleted for everyone: retracted by its sender (XEP-0424) or removed by a group admin (XEP-0425).
 * Heard live and, for a member who was away, from the group's archive, where the message is a tombstone.
 *
 * @param room      the group's address
 * @param archiveId the removed message's archive id (as {@link GroupMessage#archiveId()})
 * @param removedBy the admin who removed it (their address), or null when its sender retracted it
 * @param reason    the admin's reason, or null
 */
public record GroupRemoval(String room, String archiveId, String removedBy, String reason) {

    /** True when an admin removed the message rather than its sender. */
    public boolean moderated() {
        return removedBy != null;
    }
}
