package io.chatapp.client;

/**
 * Hears that another device of this account deleted a message for this account ("delete for me"). Called on the
 * client's event thread.
 */
@FunctionalInterface
public interface HiddenListener {

    /** @param archiveId the archive id of the message to remove from view */
    void onHidden(String archiveId);
}
