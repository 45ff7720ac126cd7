package io.chatapp.client.internal.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupMember;
import io.chatapp.client.GroupRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of {@code urn:chatapp:groups:0} (docs/protocol.md, Groups). */
class GroupElementsTest {

    private static final Instant T1 = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Instant T2 = Instant.parse("2026-11-24T10:16:02Z");

    @BeforeAll
    static void smack() {
        SmackConfiguration.getDefaultReplyTimeout();
        ChatAppProviders.register();
    }

    @Test
    void groupListRequestAndResult() throws Exception {
        GroupsIQ request = new GroupsIQ();
        request.setStanzaId("g1");
        assertThat(request.toXML().toString()).isEqualTo(
                "<iq xmlns='jabber:client' id='g1' type='get'><groups xmlns='urn:chatapp:groups:0'/></iq>");

        GroupsIQ result = ProtocolElementsTest.parse("<iq type='result' id='g1'><groups xmlns='urn:chatapp:groups:0'>"
                + "<group room='g1@conference.example' name='Team' owner='alice@example' announce='1' edit-info='0'"
                + " created='2026-11-24T10:15:30.123Z'><description>All of us</description>"
                + "<member jid='alice@example' role='owner' joined='2026-11-24T10:15:30.123Z'/>"
                + "<member jid='bob@example' role='admin' joined='2026-11-24T10:16:02.000Z'/>"
                + "<member jid='carol@example' role='jester' joined='2026-11-24T10:16:02.000Z'/></group>"
                + "<group room='g2@conference.example' name='Quiet' owner='bob@example' created='2026-11-24T10:16:02Z'/>"
                + "</groups></iq>");
        assertThat(result.groups()).containsExactly(
                new GroupInfo("g1@conference.example", "Team", "All of us", "alice@example", true, false, T1, List.of(
                        new GroupMember("alice@example", GroupRole.OWNER, T1),
                        new GroupMember("bob@example", GroupRole.ADMIN, T2),
                        new GroupMember("carol@example", GroupRole.MEMBER, T2))),
                new GroupInfo("g2@conference.example", "Quiet", "", "bob@example", false, false, T2, List.of()));
        GroupsIQ again = ProtocolElementsTest.parse(result.toXML().toString());
        assertThat(again.groups()).isEqualTo(result.groups());
    }

    @Test
    void groupRequests() {
        GroupRequestIQ leave = GroupRequestIQ.leave("g1@conference.example");
        leave.setStanzaId("l1");
        assertThat(leave.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='l1' type='set'>"
                + "<leave xmlns='urn:chatapp:groups:0' room='g1@conference.example'/></iq>");
        assertThat(GroupRequestIQ.settings("g1@c", Optional.of(true), Optional.empty()).toXML().toString())
                .contains("<settings xmlns='urn:chatapp:groups:0' room='g1@c' announce='1'/>");
        assertThat(GroupRequestIQ.info("g1@c", null, "about us").toXML().toString())
                .contains("<info xmlns='urn:chatapp:groups:0' room='g1@c' description='about us'/>");
    }

    @Test
    void systemEvent() throws Exception {
        Message message = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat' from='g1@conference.example' id='e1'>"
                + "<body>alice added bob</body><event xmlns='urn:chatapp:groups:0' type='member-added'"
                + " actor='alice@example' target='bob@example' stamp='2026-11-24T10:15:30.123Z'/></message>");
        GroupEventElement event = (GroupEventElement) message.getExtension(GroupEventElement.QNAME);
        assertThat(event.type()).isEqualTo("member-added");
        assertThat(event.actor()).isEqualTo("alice@example");
        assertThat(event.target()).isEqualTo("bob@example");
        assertThat(event.value()).isNull();
        assertThat(event.stamp()).isEqualTo(T1);
        GroupEventElement again = (GroupEventElement) new GroupEventElement.Provider().parse(
                org.jivesoftware.smack.util.PacketParserUtils.getParserFor(event.toXML().toString()));
        assertThat(again.type()).isEqualTo("member-added");
        assertThat(again.stamp()).isEqualTo(T1);
    }
}
