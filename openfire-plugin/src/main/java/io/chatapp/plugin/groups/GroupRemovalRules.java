package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may delete a group message for everyone. Its sender may retract it (XEP-0424) within the same window as a
 * one-to-one message; a group admin or the owner may remove anyone's message at any time (XEP-0425 moderation), as
 * WhatsApp group admins can. Anyone else is refused.
 */
public final class GroupRemovalRules {

    private GroupRemovalRules() {
    }

    /**
     * Checks a retraction by {@code requester} (role {@code role} in the group, empty if not a member) of a message
     * {@code sender} sent at {@code sentAt}; throws the refusal with its XMPP error.
     */
    public static void checkRetraction(String requester, Optional<GroupRole> role, String sender, Instant sentAt,
                                       Instant now, Duration window) {
        if (role.isEmpty()) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "not a member of this group");
        }
        if (!requester.equals(sender)) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN,
                    "only the sender can retract a message (admins remove messages by moderation)");
        }
        if (sentAt.plus(window).isBefore(now)) {
            throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, "messages older than " + window.toHours()
                    + " hours cannot be retracted");
        }
    }

    /** Checks a removal (moderation) by {@code requester} with role {@code role}; throws the refusal. */
    public static void checkModeration(Optional<GroupRole> role) {
        if (role.isEmpty()) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "not a member of this group");
        }
        if (!role.get().manages()) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only group admins can remove members' messages");
        }
    }
}
