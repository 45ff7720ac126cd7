package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;

/**
 * The requests to a group room the plugin answers itself: each kind is taken under its name and its namespace is
 * reported (what the integration tests send oversized and the authorisation sweep probes); the room answers the rest.
 */
class PluginRoomIqsTest {

    private static final String ROOM = "team@groups.example.org";

    @Test
    void eachKindIsTakenUnderItsNameAndItsNamespaceReported() throws Exception {
        Map<String, String> takenAs = Map.of(
                "<query xmlns='urn:xmpp:mam:2'/>", GroupMam.READDRESSED,
                "<hide xmlns='urn:chatapp:archive:0' id='1'/>", GroupMam.READDRESSED,
                "<moderate xmlns='urn:xmpp:message-moderate:1' id='1'/>", GroupRemovals.READDRESSED,
                "<apply-to xmlns='urn:xmpp:fasten:0' id='1'><moderate xmlns='urn:xmpp:message-moderate:0'/>"
                        + "</apply-to>", GroupRemovals.READDRESSED,
                "<info xmlns='urn:chatapp:receipts:0' id='1'/>", GroupReceipts.READDRESSED,
                "<vCard xmlns='vcard-temp'/>", GroupVCard.READDRESSED);
        for (Map.Entry<String, String> kind : takenAs.entrySet()) {
            IQ request = iq(typeOf(kind.getKey()), ROOM, kind.getKey());
            assertThat(PluginRoomIqs.readdressedAs(request)).as(kind.getKey()).hasValue(kind.getValue());
            assertThat(PluginRoomIqs.readdressable(kind.getValue(), request)).isTrue();
            assertThat(PluginRoomIqs.namespaces()).contains(request.getChildElement().getNamespaceURI());
        }
        assertThat(PluginRoomIqs.namespaces()).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void whatTheRoomAnswersIsLeftToIt() throws Exception {
        assertThat(PluginRoomIqs.readdressedAs(iq("get", ROOM + "/bob", "<vCard xmlns='vcard-temp'/>")))
                .as("an occupant's vCard").isEmpty();
        assertThat(PluginRoomIqs.readdressedAs(iq("set", ROOM, "<info xmlns='urn:chatapp:receipts:0' id='1'/>")))
                .as("message info is a get").isEmpty();
        assertThat(PluginRoomIqs.readdressedAs(iq("set", ROOM, "<query"
                + " xmlns='http://jabber.org/protocol/muc#admin'/>"))).as("the MUC's own requests").isEmpty();
        assertThat(PluginRoomIqs.readdressable(GroupMam.READDRESSED, iq("set", ROOM,
                "<moderate xmlns='urn:xmpp:message-moderate:1' id='1'/>"))).as("taken under another name").isFalse();
    }

    /** Moderation is a set; the rest of the examples are gets. */
    private static String typeOf(String payload) {
        return payload.contains("moderate") ? "set" : "get";
    }

    private static IQ iq(String type, String to, String payload) throws Exception {
        return new IQ(DocumentHelper.parseText("<iq type='" + type + "' id='r1' from='alice@example.org/phone' to='"
                + to + "'>" + payload + "</iq>").getRootElement());
    }
}
