package io.chatapp.client.internal.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;
import io.chatapp.client.internal.GroupIncoming;
import java.time.Instant;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Group stanzas, live and archived, read into what the group pipeline decides on. */
class GroupStanzaReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:20:00Z");
    private static final String ME = "alice@example";
    private static EntityBareJid room;

    @BeforeAll
    static void smack() throws Exception {
        SmackConfiguration.getDefaultReplyTimeout();
        ChatAppProviders.register();
        room = JidCreate.entityBareFrom("g1@conference.example");
    }

    @Test
    void aLiveMessageCarriesTheRoomsStanzaIdAndTheOccupantsRealAddress() throws Exception {
        Message message = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example/bob' id='m1'><body>hi</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='bob@example' id='forged'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='g1@conference.example' id='105'/></message>");
        GroupIncoming incoming = GroupStanzaReader.readLive(message, room, ME, NOW,
                occupant -> JidCreate.fromOrThrowUnchecked("bob@example/phone"));
        assertThat(incoming.archiveId()).isEqualTo("105");
        assertThat(incoming.message()).isEqualTo(new GroupMessage("g1@conference.example", "m1", "bob@example",
                "hi", NOW, false, "105", false));
    }

    @Test
    void anOccupantWithoutKnownAddressIsNamedByNicknameAndOwnMessagesAreOutgoing() throws Exception {
        Message fromNickname = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example/carol' id='m2'><body>hey</body></message>");
        assertThat(GroupStanzaReader.readLive(fromNickname, room, ME, NOW, occupant -> null).message().from())
                .isEqualTo("carol");
        Message mine = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example/alice' id='m3'><body>me</body></message>");
        assertThat(GroupStanzaReader.readLive(mine, room, ME, NOW,
                occupant -> JidCreate.fromOrThrowUnchecked(ME)).message().outgoing()).isTrue();
    }

    @Test
    void aRetractionAndAModerationAreRemovalsWithTheModeratorWhenKnown() throws Exception {
        Message retraction = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example/bob' id='r1'><body>fallback</body>"
                + "<retract xmlns='urn:xmpp:message-retract:1' id='105'/>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='g1@conference.example' id='110'/></message>");
        assertThat(GroupStanzaReader.readLive(retraction, room, ME, NOW, occupant -> null).removal())
                .isEqualTo(new GroupRemoval("g1@conference.example", "105", null, null));
        Message moderation = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example' id='r2'><body>removed</body>"
                + "<retract xmlns='urn:xmpp:message-retract:1' id='106'><moderated"
                + " xmlns='urn:xmpp:message-moderate:1' by='g1@conference.example/alice'><actor"
                + " xmlns='urn:chatapp:groups:0' jid='alice@example'/></moderated><reason>spam</reason></retract>"
                + "</message>");
        assertThat(GroupStanzaReader.readLive(moderation, room, ME, NOW, occupant -> null).removal())
                .isEqualTo(new GroupRemoval("g1@conference.example", "106", "alice@example", "spam"));
        Message otherServer = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example' id='r3'><retract xmlns='urn:xmpp:message-retract:1' id='107'>"
                + "<moderated xmlns='urn:xmpp:message-moderate:1' by='g1@conference.example/mod'/></retract>"
                + "</message>");
        assertThat(GroupStanzaReader.readLive(otherServer, room, ME, NOW, occupant -> null).removal())
                .isEqualTo(new GroupRemoval("g1@conference.example", "107", "g1@conference.example/mod", null));
    }

    @Test
    void anEventComesFromTheRoomAndASubjectIsNothingToShow() throws Exception {
        Message event = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example' id='e1'><body>alice added bob</body>"
                + "<event xmlns='urn:chatapp:groups:0' type='member-added' actor='alice@example'"
                + " target='bob@example'/><stanza-id xmlns='urn:xmpp:sid:0' by='g1@conference.example' id='106'/>"
                + "</message>");
        GroupIncoming incoming = GroupStanzaReader.readLive(event, room, ME, NOW, occupant -> null);
        assertThat(incoming.event()).isEqualTo(new GroupEvent("g1@conference.example",
                GroupEvent.Type.MEMBER_ADDED, "alice@example", "bob@example", null, "alice added bob", NOW));
        assertThat(incoming.archiveId()).isEqualTo("106");

        Message subject = ProtocolElementsTest.parse("<message xmlns='jabber:client' type='groupchat'"
                + " from='g1@conference.example/alice' id='s1'><subject>Team</subject></message>");
        assertThat(GroupStanzaReader.readLive(subject, room, ME, NOW, occupant -> null))
                .isEqualTo(GroupIncoming.nothingToShow("g1@conference.example", null));
    }

    @Test
    void anArchivedMessageTakesTheResultsIdTimeAndTheRealSenderTheArchiveGives() throws Exception {
        Message wrapper = ProtocolElementsTest.parse("<message xmlns='jabber:client' to='alice@example/phone'>"
                + "<result xmlns='urn:xmpp:mam:2' id='104'><forwarded xmlns='urn:xmpp:forward:0'>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-11-24T10:15:30.123Z'/>"
                + "<message xmlns='jabber:client' type='groupchat' from='g1@conference.example/bob' id='m0'>"
                + "<body>earlier</body><x xmlns='http://jabber.org/protocol/muc#user'>"
                + "<item affiliation='member' role='participant' jid='bob@example/phone'/></x></message>"
                + "</forwarded></result></message>");
        GroupIncoming incoming = GroupStanzaReader.readArchived(MamElements.MamResultExtension.from(wrapper), room,
                ME, NOW);
        assertThat(incoming.message()).isEqualTo(new GroupMessage("g1@conference.example", "m0", "bob@example",
                "earlier", Instant.parse("2026-11-24T10:15:30.123Z"), false, "104", true));
    }
}
