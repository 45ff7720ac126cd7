package io.chatapp.plugin.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.GroupSettings;
import io.chatapp.plugin.groups.GroupEvent.Type;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.MutableClock;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Instant;
import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The groups' rules on MUC admin and owner requests, without a server: what is refused before the room acts, how a
 * configuration form is kept private, and what is recorded only once the room has succeeded.
 */
class RoomRequestsTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final String ROOM = "g1@groups.example";
    private static final String ALICE = "alice@example";
    private static final String BOB = "bob@example";
    private static final String CAROL = "carol@example";

    private Database database;
    private GroupService groups;
    private RoomRequests requests;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(postgres.settings("requests_" + System.nanoTime()));
        groups = GroupService.start(database.dataSource(), new GroupSettings("groups", 3, 1_024),
                new MutableClock(Instant.parse("2026-12-06T10:00:00Z")));
        groups.created(ROOM, ALICE);
        requests = new RoomRequests(groups);
    }

    @AfterEach
    void close() throws Exception {
        groups.close();
        database.close();
    }

    private static Element query(String xml) throws Exception {
        return DocumentHelper.parseText(xml).getRootElement();
    }

    private static Element admin(String jid, String affiliation) throws Exception {
        return query("<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item jid='" + jid + "' affiliation='" + affiliation
                + "'/></query>");
    }

    private static StanzaError refusal(ThrowingRunnable action) {
        try {
            action.run();
        } catch (StanzaErrorException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void anAcceptedAdditionIsRecordedOnlyWhenTheRoomSucceeds() throws Exception {
        requests.check("alice/1|a", admin(BOB + "/phone", "member"), ROOM, ALICE);
        assertThat(groups.role(ROOM, BOB)).as("nothing before the room answers").isEmpty();
        assertThat(requests.answered("alice/1|a", false)).as("the room refused").isEmpty();
        assertThat(groups.role(ROOM, BOB)).isEmpty();

        requests.check("alice/1|b", admin(BOB, "member"), ROOM, ALICE);
        RoomRequests.Applied applied = requests.answered("alice/1|b", true).orElseThrow();
        assertThat(applied.events()).extracting(GroupEvent::type).containsExactly(Type.MEMBER_ADDED);
        assertThat(groups.role(ROOM, BOB)).contains(GroupRole.MEMBER);
        assertThat(requests.answered("alice/1|b", true)).as("answered once").isEmpty();
    }

    @Test
    void membersCannotManageAndNobodyDemotesTheOwner() throws Exception {
        requests.check("a", admin(BOB, "member"), ROOM, ALICE);
        requests.answered("a", true);
        assertThat(refusal(() -> requests.check("b", admin(CAROL, "member"), ROOM, BOB)))
                .isEqualTo(StanzaError.FORBIDDEN);
        assertThat(refusal(() -> requests.check("c", admin(ALICE, "none"), ROOM, ALICE)))
                .isIn(StanzaError.FORBIDDEN, StanzaError.NOT_ALLOWED);
        assertThat(requests.answered("b", true)).isEmpty();
        assertThat(groups.role(ROOM, CAROL)).isEmpty();
    }

    @Test
    void aConfigurationFormIsKeptPrivateAndARenameFollowsTheRules() throws Exception {
        Element form = query("<query xmlns='" + RoomRequests.MUC_OWNER + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='muc#roomconfig_membersonly'><value>0</value></field>"
                + "<field var='muc#roomconfig_roomowners'><value>" + BOB + "</value></field>"
                + "<field var='muc#roomconfig_roomname'><value>Team</value></field></x></query>");
        requests.check("f", form, ROOM, ALICE);
        Element x = form.element("x");
        assertThat(x.elements("field")).extracting(field -> field.attributeValue("var"))
                .doesNotContain("muc#roomconfig_roomowners");
        assertThat(x.elements("field")).filteredOn(f -> "muc#roomconfig_membersonly".equals(f.attributeValue("var")))
                .singleElement().extracting(f -> f.elementText("value")).isEqualTo("1");
        assertThat(requests.answered("f", true).orElseThrow().events()).extracting(GroupEvent::type)
                .contains(Type.NAME_CHANGED);

        requests.check("m", admin(BOB, "member"), ROOM, ALICE);
        requests.answered("m", true);
        assertThat(refusal(() -> requests.check("r", query("<query xmlns='" + RoomRequests.MUC_OWNER + "'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_roomname'><value>Mine</value>"
                + "</field></x></query>"), ROOM, BOB))).isEqualTo(StanzaError.FORBIDDEN);
    }

    @Test
    void aNameOrDescriptionLongerThanOpenfireKeepsIsRefusedAndNothingChanges() throws Exception {
        String tooLong = "n".repeat(GroupTexts.MAX_NAME_CHARACTERS + 1);
        assertThat(refusal(() -> requests.check("long-name", query("<query xmlns='" + RoomRequests.MUC_OWNER + "'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_roomname'><value>" + tooLong
                + "</value></field></x></query>"), ROOM, ALICE))).isEqualTo(StanzaError.BAD_REQUEST);
        String description = "d".repeat(GroupTexts.MAX_DESCRIPTION_CHARACTERS + 1);
        assertThat(refusal(() -> requests.check("long-description", query("<query xmlns='" + RoomRequests.MUC_OWNER
                + "'><x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_roomdesc'><value>"
                + description + "</value></field></x></query>"), ROOM, ALICE))).isEqualTo(StanzaError.BAD_REQUEST);
        assertThat(requests.answered("long-name", true)).as("nothing was waiting for the room's answer").isEmpty();
        // Exactly at the limits, counted in characters (an emoji is one), is fine.
        requests.check("at-limit", query("<query xmlns='" + RoomRequests.MUC_OWNER + "'><x xmlns='jabber:x:data'"
                + " type='submit'><field var='muc#roomconfig_roomname'><value>"
                + "\ud83d\ude00".repeat(GroupTexts.MAX_NAME_CHARACTERS) + "</value></field></x></query>"), ROOM,
                ALICE);
        assertThat(requests.answered("at-limit", true).orElseThrow().events()).extracting(GroupEvent::type)
                .contains(Type.NAME_CHANGED);
    }

    @Test
    void onlyTheOwnerDeletesTheGroup() throws Exception {
        Element destroy = query("<query xmlns='" + RoomRequests.MUC_OWNER + "'><destroy/></query>");
        requests.check("m", admin(BOB, "owner"), ROOM, ALICE); // a group admin is a MUC owner
        requests.answered("m", true);
        assertThat(refusal(() -> requests.check("d1", destroy, ROOM, BOB))).isEqualTo(StanzaError.FORBIDDEN);
        requests.check("d2", destroy, ROOM, ALICE);
        RoomRequests.Applied applied = requests.answered("d2", true).orElseThrow();
        assertThat(applied.change()).isInstanceOf(RoomRequests.Destroy.class);
        assertThat(applied.events()).extracting(GroupEvent::type).contains(Type.DELETED);
        assertThat(groups.isGroup(ROOM)).isFalse();
    }

    @Test
    void theSizeLimitHolds() throws Exception {
        requests.check("a", admin(BOB, "member"), ROOM, ALICE);
        requests.answered("a", true);
        requests.check("b", admin(CAROL, "member"), ROOM, ALICE);
        requests.answered("b", true);
        assertThat(refusal(() -> requests.check("c", admin("dave@example", "member"), ROOM, ALICE)))
                .isNotNull();
    }

    /**
     * Regression (found by {@code OversizedRequestTest}): Openfire's MUC service applies an admin item naming a JID,
     * and an owner's form or destroy, whatever the IQ's type, so a get carrying one changed the group past these
     * checks; one naming a 256 KB JID was never answered. Such a get is now {@code bad-request}; the reads stay.
     */
    @Test
    void aGetThatAsksForAChangeIsRefusedAndReadsPass() throws Exception {
        for (String change : List.of(
                "<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item affiliation='none' jid='" + ALICE + "'/></query>",
                "<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item role='none' nick='alice'/></query>",
                "<query xmlns='" + RoomRequests.MUC_OWNER + "'><x xmlns='jabber:x:data' type='submit'/></query>",
                "<query xmlns='" + RoomRequests.MUC_OWNER + "'><destroy/></query>")) {
            assertThat(refusal(() -> RoomRequests.checkGet(query(change)))).as(change)
                    .isEqualTo(StanzaError.BAD_REQUEST);
        }
        for (String read : List.of(
                "<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item affiliation='member'/></query>",
                "<query xmlns='" + RoomRequests.MUC_OWNER + "'/>",
                "<query xmlns='urn:xmpp:mam:2'><x xmlns='jabber:x:data' type='submit'/></query>")) {
            RoomRequests.checkGet(query(read));
        }
    }

    @Test
    void anItemNamingAMalformedJidIsABadRequestWhateverItChanges() throws Exception {
        String tooLong = "x".repeat(256 * 1024) + "@example";
        for (String item : List.of("affiliation='member'", "role='none'")) {
            String xml = "<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item " + item + " jid='" + tooLong
                    + "'/></query>";
            assertThat(refusal(() -> requests.check("k", query(xml), ROOM, ALICE))).as(item)
                    .isEqualTo(StanzaError.BAD_REQUEST);
        }
        assertThat(requests.answered("k", true)).isEmpty();
    }

    @Test
    void aDestroyNamingAMalformedAlternateVenueIsABadRequest() throws Exception {
        String xml = "<query xmlns='" + RoomRequests.MUC_OWNER + "'><destroy jid='" + "x".repeat(3_000)
                + "@groups.example'/></query>";
        assertThat(refusal(() -> requests.check("d", query(xml), ROOM, ALICE))).isEqualTo(StanzaError.BAD_REQUEST);
        assertThat(requests.answered("d", true)).isEmpty();
    }

    @Test
    void aFormWithATypeXep0004DoesNotHaveIsABadRequest() throws Exception {
        String owner = "<query xmlns='" + RoomRequests.MUC_OWNER + "'>";
        for (String form : List.of("<x xmlns='jabber:x:data'/>", "<x xmlns='jabber:x:data' type='image/gif'/>",
                "<x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_roomsecret' type='visitor'/></x>")) {
            assertThat(refusal(() -> requests.check("f", query(owner + form + "</query>"), ROOM, ALICE))).as(form)
                    .isEqualTo(StanzaError.BAD_REQUEST);
        }
        requests.check("f", query(owner + "<x xmlns='jabber:x:data' type='cancel'/></query>"), ROOM, ALICE);
        assertThat(requests.answered("f", true)).isEmpty();
    }

    @Test
    void anItemWithARoleXep0045DoesNotHaveIsABadRequest() throws Exception {
        for (String role : List.of("", "crhere", "Moderator")) {
            String xml = "<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item role='" + role + "' nick='bob'/></query>";
            assertThat(refusal(() -> requests.check("r", query(xml), ROOM, ALICE))).as(role)
                    .isEqualTo(StanzaError.BAD_REQUEST);
        }
        requests.check("r", query("<query xmlns='" + RoomRequests.MUC_ADMIN + "'><item role='none' nick='bob'/></query>"),
                ROOM, ALICE);
        assertThat(requests.answered("r", true)).isEmpty();
    }

    @Test
    void aRoomThatIsNoGroupIsLeftToTheMucService() throws Exception {
        requests.check("x", admin(BOB, "member"), "plain@groups.example", ALICE);
        assertThat(requests.answered("x", true)).isEmpty();
    }
}
