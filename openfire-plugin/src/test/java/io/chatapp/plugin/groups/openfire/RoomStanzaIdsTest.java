package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/** The group archive's id survives a MUC service that replaces stanza-ids by the room (Openfire 5.x). */
class RoomStanzaIdsTest {

    private static final String ROOM = "team@groups.example.org";

    @Test
    void theRoomsOwnStanzaIdIsReplacedByTheArchivesOnTheWayOut() throws Exception {
        Message sent = message("<message to='" + ROOM + "' from='alice@example.org/phone' type='groupchat'>"
                + "<body>hi</body></message>");
        RoomStanzaIds.stamp(sent, ROOM, 42);
        String archived = stanzaIds(sent).get(0);

        // What Openfire 5.x's MUC service does before fanning out: its own id instead of ours.
        Message fannedOut = sent.createCopy();
        Element ours = fannedOut.getChildElement("stanza-id", "urn:xmpp:sid:0");
        fannedOut.getElement().remove(ours);
        fannedOut.addChildElement("stanza-id", "urn:xmpp:sid:0").addAttribute("by", ROOM).addAttribute("id",
                "5f0c1f4e-openfire");
        fannedOut.setFrom(new JID(ROOM + "/alice"));
        fannedOut.setTo(new JID("bob@example.org/laptop"));

        RoomStanzaIds.restore(fannedOut);
        assertThat(stanzaIds(fannedOut)).containsExactly(archived);
        assertThat(fannedOut.getChildElement(RoomStanzaIds.CARRIER, GroupIqHandler.NAMESPACE)).isNull();

        // Openfire 4.2 keeps ours: the same result.
        Message kept = sent.createCopy();
        kept.setFrom(new JID(ROOM + "/alice"));
        RoomStanzaIds.restore(kept);
        assertThat(stanzaIds(kept)).containsExactly(archived);
    }

    @Test
    void aCarrierFromAClientIsRemovedAndAMessageWithoutOneIsLeftAlone() throws Exception {
        Message forged = message("<message to='" + ROOM + "' from='alice@example.org/phone' type='groupchat'>"
                + "<body>hi</body><archive-id xmlns='urn:chatapp:groups:0' id='1'/></message>");
        RoomStanzaIds.removeCarriers(forged);
        assertThat(forged.getChildElement(RoomStanzaIds.CARRIER, GroupIqHandler.NAMESPACE)).isNull();

        Message plain = message("<message from='" + ROOM + "/alice' to='bob@example.org/laptop' type='groupchat'>"
                + "<body>hi</body><stanza-id xmlns='urn:xmpp:sid:0' by='" + ROOM + "' id='x'/></message>");
        String before = plain.toXML();
        RoomStanzaIds.restore(plain);
        assertThat(plain.toXML()).isEqualTo(before);
    }

    private static Message message(String xml) throws Exception {
        return new Message(DocumentHelper.parseText(xml).getRootElement());
    }

    private static List<String> stanzaIds(Message message) {
        return message.getElement().elements("stanza-id").stream()
                .map(element -> ((Element) element).attributeValue("id")).toList();
    }
}
