package io.chatapp.client.internal;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;

/**
 * What the {@link GroupPipeline} needs of one stanza from a group's room, read from Smack's {@code Message} (see
 * {@code xmpp.GroupStanzaReader}) so that the logic deciding what to deliver is free of Smack. Holds a message,
 * an event, a removal, or none (a stanza with nothing to show, such as a subject change, which still counts as delivered).
 *
 * @param room      the group's address
 * @param archiveId the group archive's id (the room's XEP-0359 stanza-id), or null when the server gave none
 * @param message   the message, or null
 * @param event     the system event, or null
 * @param removal   a message deleted for everyone (a retraction, a moderation, or an archived tombstone), or null
 */
public record GroupIncoming(String room, String archiveId, GroupMessage message, GroupEvent event,
                            GroupRemoval removal) {

    public static GroupIncoming of(GroupMessage message) {
        return new GroupIncoming(message.room(), message.archiveId(), message, null, null);
    }

    public static GroupIncoming of(GroupEvent event, String archiveId) {
        return new GroupIncoming(event.room(), archiveId, null, event, null);
    }

    public static GroupIncoming of(GroupRemoval removal, String archiveId) {
        return new GroupIncoming(removal.room(), archiveId, null, null, removal);
    }

    public static GroupIncoming nothingToShow(String room, String archiveId) {
        return new GroupIncoming(room, archiveId, null, null, null);
    }
}
