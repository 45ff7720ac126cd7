package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

class SelfPresenceRepairTest {

    private static final String BOB = "bob@example.com/phone";

    private static Presence fromRoom(String to, String itemJid, String... codes) {
        Presence presence = new Presence();
        presence.setFrom(new JID("g1@conference.example.com/bob"));
        presence.setTo(new JID(to));
        Element user = presence.addChildElement("x", GroupOccupants.MUC_USER);
        user.addElement("item").addAttribute("jid", itemJid).addAttribute("affiliation", "member")
                .addAttribute("role", "participant");
        for (String code : codes) {
            user.addElement("status").addAttribute("code", code);
        }
        return presence;
    }

    @Test
    void anOccupantsOwnPresenceWithoutStatus110IsRepairedOnACopy() {
        Presence unmarked = fromRoom(BOB, BOB);
        assertThat(SelfPresenceRepair.isUnmarked(unmarked)).isTrue();

        Presence marked = SelfPresenceRepair.marked(unmarked);

        assertThat(GroupOccupants.hasStatus(marked, "110")).isTrue();
        assertThat(GroupOccupants.hasStatus(marked, "100")).isTrue();
        assertThat(SelfPresenceRepair.isUnmarked(marked)).isFalse();
        assertThat(marked.getTo()).isEqualTo(unmarked.getTo());
        assertThat(marked.getFrom()).isEqualTo(unmarked.getFrom());
        // The original goes on to other occupants unchanged.
        assertThat(GroupOccupants.hasStatus(unmarked, "110")).isFalse();
    }

    @Test
    void otherPresencesAreLeftAlone() {
        assertThat(SelfPresenceRepair.isUnmarked(fromRoom(BOB, BOB, "110"))).isFalse();
        // Another occupant's presence, and another device of the same user.
        assertThat(SelfPresenceRepair.isUnmarked(fromRoom("carol@example.com/pc", BOB))).isFalse();
        assertThat(SelfPresenceRepair.isUnmarked(fromRoom("bob@example.com/laptop", BOB))).isFalse();
        Presence leaving = fromRoom(BOB, BOB);
        leaving.setType(Presence.Type.unavailable);
        assertThat(SelfPresenceRepair.isUnmarked(leaving)).isFalse();
        Presence plain = new Presence();
        plain.setTo(new JID(BOB));
        assertThat(SelfPresenceRepair.isUnmarked(plain)).isFalse();
    }
}
