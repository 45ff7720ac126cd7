package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.Presence;

/** The {@code <create/>} of a presence entering a new room is read and taken out. */
class GroupCreateRequestTest {

    /**
     * Regression (found by {@code GroupsFuzzTest}): with the element duplicated only the first was taken out, and the
     * room showed the second to the occupants with the creator's presence.
     */
    @Test
    void everyCopyOfTheElementIsTakenOut() {
        Presence presence = new Presence();
        presence.setTo("team@groups.example.org/alice");
        presence.addChildElement(GroupCreateRequest.ELEMENT, GroupIqHandler.NAMESPACE);
        presence.addChildElement(GroupCreateRequest.ELEMENT, GroupIqHandler.NAMESPACE);

        assertThat(GroupCreateRequest.take(presence)).isTrue();
        assertThat(presence.getChildElement(GroupCreateRequest.ELEMENT, GroupIqHandler.NAMESPACE)).isNull();
    }

    @Test
    void aPresenceWithoutItAsksForNothing() {
        Presence presence = new Presence();
        presence.addChildElement("x", "http://jabber.org/protocol/muc");
        assertThat(GroupCreateRequest.take(presence)).isFalse();
        assertThat(presence.getChildElement("x", "http://jabber.org/protocol/muc")).isNotNull();
    }
}
