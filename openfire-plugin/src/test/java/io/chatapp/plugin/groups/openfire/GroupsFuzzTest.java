package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.FuzzElement;
import io.chatapp.plugin.config.GroupSettings;
import io.chatapp.plugin.groups.AffiliationChange;
import io.chatapp.plugin.groups.GroupImage;
import io.chatapp.plugin.groups.GroupRequest;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.PrivateRoomConfig;
import io.chatapp.plugin.groups.RoomRequests;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Presence;

/**
 * Grammar fuzzing of everything the groups feature reads from clients (jqwik, fixed seed, bounded tries): the
 * requests of {@code urn:chatapp:groups:0} to the server ({@code groups}, {@code settings}, {@code info},
 * {@code leave}), the {@code <create/>} in a presence entering a new room, MUC admin and owner requests to a group room
 * (affiliation items, destroy, configuration forms), a room vCard's PHOTO, and the plugin's readdressed room IQs
 * ({@code refused}, {@code archive}, {@code moderate}, …) when a client sends them to the server itself. Elements have
 * the right names and namespaces with values from a checked-in corpus (wrong, missing, oversized, duplicated,
 * control and confusable characters) mixed with random text. Each reader answers a value or refuses with
 * {@link StanzaErrorException} (or {@link IllegalArgumentException}, which the handler and the interceptor answer
 * {@code bad-request}); nothing else may escape, since that would be {@code internal-server-error}.
 */
class GroupsFuzzTest {

    private static final String NAMESPACE = GroupIqHandler.NAMESPACE;
    private static final String ROOM = "team@groups.example.org";
    private static final String ALICE = "alice@example.org";
    private static final String BOB = "bob@example.org";

    /** The seed corpus: addresses, flags and texts at the edges of what the readers accept. */
    private static final List<String> CORPUS = List.of("", " ", "0", "1", "true", "false", "TRUE", "yes", "-1", " 1",
            ROOM, ROOM + "/nick", "TEAM@GROUPS.EXAMPLE.ORG", "other@groups.example.org", "groups.example.org",
            "example.org", "@groups.example.org", "team@", "a@b@c", "/x", "team@groups.example.org/",
            ALICE, ALICE + "/phone", BOB, "carol@example.org", "\u0430lice@example.org", "alice@ex\u0430mple.org",
            "team\u200b@groups.example.org", "\u202eteam@groups.example.org", "tab\there", "line\nbreak",
            "bell\u0007", "nul\u0000", "\ud800", "\u00e9\u4e2d\ud83d\ude00", "x".repeat(1_100) + "@groups.example.org",
            "x".repeat(5_000), "owner", "member", "none", "admin", "outcast", "moderator",
            "BAD_REQUEST", "FORBIDDEN", "bad-request", "INTERNAL_SERVER_ERROR", "submit", "form", "cancel", "result",
            "image/png", "image/", "text/plain", "iVBORw0KGgo=", "aGVsbG8=\n", "!!!", "====", "a",
            "urn:xmpp:mam:2", "urn:xmpp:message-moderate:1", "vcard-temp", "urn:chatapp:receipts:0", "query",
            "info", "moderate", "vCard", "hide", "urn:chatapp:archive:0", RoomRequests.MUC_OWNER,
            NAMESPACE, "jabber:x:data", PrivateRoomConfig.NAME, PrivateRoomConfig.DESCRIPTION,
            "muc#roomconfig_roomowners", "muc#roomconfig_membersonly", "muc#roomconfig_publicroom");

    private static EmbeddedDatabase postgres;
    private static Database database;
    private static GroupService groups;
    private static RoomRequests requests;

    @BeforeContainer
    static void start() throws Exception {
        postgres = EmbeddedDatabase.start();
        database = Database.open(postgres.settings("groups_fuzz"));
        groups = GroupService.start(database.dataSource(), new GroupSettings("groups", 50, 1_024),
                Clock.systemUTC());
        groups.created(ROOM, ALICE);
        groups.applyAffiliations(ROOM, ALICE, List.of(new AffiliationChange(BOB, "member")));
        requests = new RoomRequests(groups);
    }

    @AfterContainer
    static void stop() {
        groups.close();
        database.close();
        postgres.close();
    }

    @Property(tries = 2_000, seed = "1515")
    void groupRequestsAreReadOrRefusedAsBadRequest(@ForAll("groupRequests") Element child, @ForAll boolean set) {
        try {
            GroupRequest request = GroupRequest.parse(child, set);
            String room = request instanceof GroupRequest.ChangeSettings s ? s.room()
                    : request instanceof GroupRequest.Leave l ? l.room()
                    : request instanceof GroupRequest.Describe d ? d.room() : null;
            assertThat(room == null || !room.isBlank() && !room.contains("/")).isTrue();
        } catch (StanzaErrorException refused) {
            assertThat(refused.error()).isEqualTo(StanzaError.BAD_REQUEST);
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 600, seed = "1515")
    void roomRequestsAreCheckedOrRefused(@ForAll("roomRequests") Element query, @ForAll("requesters") String who,
                                         @ForAll("rooms") String room) {
        String key = who + "\u0000fuzz";
        try {
            requests.check(key, query, room, who);
            assertFormKeptPrivate(query);
        } catch (StanzaErrorException | IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } finally {
            // Never carried out: nothing of the group changes, whatever was accepted.
            assertThat(requests.answered(key, false)).isEmpty();
        }
    }

    @Property(tries = 1_000, seed = "1515")
    void readdressedElementsSentByClientsAreRestoredOrRefused(@ForAll("readdressed") Element child,
                                                              @ForAll boolean set) {
        IQ iq = new IQ(set ? IQ.Type.set : IQ.Type.get);
        iq.setFrom(ALICE + "/phone");
        iq.setTo("example.org");
        iq.setChildElement(child);
        try {
            IQ original = child.getName().equals(GroupInterceptor.REFUSED) ? GroupIqHandler.refusal(iq)
                    : GroupIqHandler.restored(iq);
            // The handlers answer as the room: it must be one.
            assertThat(original.getTo()).isNotNull();
            assertThat(original.getTo().getNode()).isNotNull();
            assertThat(original.getChildElement().getName()).isNotBlank();
        } catch (StanzaErrorException | IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500, seed = "1515")
    void createRequestsAreTakenOutOfThePresence(@ForAll("presenceChildren") List<FuzzElement> children) {
        Presence presence = new Presence();
        presence.setFrom(ALICE + "/phone");
        presence.setTo(ROOM + "/alice");
        for (FuzzElement child : children) {
            presence.getElement().add(child.build());
        }
        boolean asked = GroupCreateRequest.take(presence);
        assertThat(asked).isEqualTo(children.stream().anyMatch(GroupsFuzzTest::isCreate));
        assertThat(presence.getChildElement(GroupCreateRequest.ELEMENT, NAMESPACE)).isNull();
    }

    @Property(tries = 1_000, seed = "1515")
    void roomPhotosAreReadOrRefusedAsBadRequest(@ForAll("vcards") Element vcard) {
        try {
            GroupImage image = GroupVCard.image(vcard);
            assertThat(image == null || image.mimeType().startsWith("image/")).isTrue();
        } catch (StanzaErrorException refused) {
            assertThat(refused.error()).isEqualTo(StanzaError.BAD_REQUEST);
        }
    }

    private static void assertFormKeptPrivate(Element query) {
        Element form = query.element(org.dom4j.QName.get("x", "jabber:x:data"));
        if (!RoomRequests.MUC_OWNER.equals(query.getNamespaceURI()) || query.element("destroy") != null
                || form == null || !"submit".equals(form.attributeValue("type"))) {
            return;
        }
        List<String> vars = new ArrayList<>();
        for (Element field : form.elements("field")) {
            vars.add(field.attributeValue("var"));
        }
        assertThat(vars).doesNotContainAnyElementsOf(PrivateRoomConfig.REMOVED);
        PrivateRoomConfig.FORCED.forEach((var, value) -> assertThat(form.elements("field").stream()
                .filter(field -> var.equals(field.attributeValue("var")))
                .map(field -> field.elementText("value")).toList()).contains(value));
    }

    private static boolean isCreate(FuzzElement element) {
        return element.name().equals(GroupCreateRequest.ELEMENT) && element.namespace().equals(NAMESPACE);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.of(CORPUS), Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> requesters() {
        return Arbitraries.of(ALICE, BOB, "carol@example.org");
    }

    @Provide
    Arbitrary<String> rooms() {
        return Arbitraries.of(ROOM, "other@groups.example.org");
    }

    /** Elements of the given names and namespaces, attributes of the given names, text, and children. */
    private Arbitrary<FuzzElement> elements(List<String> names, List<String> namespaces, List<String> attributes,
                                            Arbitrary<List<FuzzElement>> children) {
        Arbitrary<String[]> attribute = Combinators.combine(Arbitraries.of(attributes), values())
                .as((name, value) -> new String[] {name, value});
        Arbitrary<String> text = values().injectNull(0.5);
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(namespaces), attribute.list().ofMaxSize(5),
                text, children).as(FuzzElement::new);
    }

    private static Arbitrary<List<FuzzElement>> none() {
        return Arbitraries.just(List.of());
    }

    @Provide
    Arbitrary<Element> groupRequests() {
        Arbitrary<FuzzElement> child = elements(List.of("description", "member", "group", "x"),
                List.of(NAMESPACE, ""), List.of("room", "name", "jid"), none());
        return elements(List.of("groups", "settings", "info", "leave", "create", "read-all", "x"),
                List.of(NAMESPACE, NAMESPACE, NAMESPACE, "urn:other", ""),
                List.of("room", "room", "announce", "edit-info", "name", "description", "xmlns", "other"),
                child.list().ofMaxSize(3)).map(FuzzElement::build);
    }

    @Provide
    Arbitrary<Element> roomRequests() {
        Arbitrary<FuzzElement> value = elements(List.of("value"), List.of("jabber:x:data"), List.of("label"), none());
        Arbitrary<FuzzElement> field = elements(List.of("field", "field", "value"), List.of("jabber:x:data"),
                List.of("var", "var", "type"), value.list().ofMaxSize(3));
        Arbitrary<FuzzElement> form = elements(List.of("x"), List.of("jabber:x:data", "urn:other"),
                List.of("type", "type"), field.list().ofMaxSize(5));
        Arbitrary<FuzzElement> item = elements(List.of("item", "item", "destroy", "reason"),
                List.of(RoomRequests.MUC_ADMIN, RoomRequests.MUC_OWNER),
                List.of("jid", "jid", "affiliation", "affiliation", "role", "nick"), none());
        Arbitrary<List<FuzzElement>> children = Arbitraries.oneOf(item, form).list().ofMaxSize(4);
        return elements(List.of("query", "query", "x"), List.of(RoomRequests.MUC_ADMIN, RoomRequests.MUC_OWNER,
                "urn:other"), List.of("xmlns", "other"), children).map(FuzzElement::build);
    }

    @Provide
    Arbitrary<Element> readdressed() {
        List<String> names = List.of(GroupInterceptor.REFUSED, GroupInterceptor.NOTHING_TO_DESTROY,
                GroupMam.READDRESSED, GroupReceipts.READDRESSED, GroupRemovals.READDRESSED, GroupVCard.READDRESSED);
        List<String> attributes = List.of("chatapp-room", "chatapp-room", "chatapp-element", "chatapp-element",
                "chatapp-namespace", GroupInterceptor.CONDITION, GroupInterceptor.TEXT, "id");
        return elements(names, List.of(NAMESPACE), attributes, none()).map(FuzzElement::build);
    }

    @Provide
    Arbitrary<List<FuzzElement>> presenceChildren() {
        return elements(List.of(GroupCreateRequest.ELEMENT, GroupCreateRequest.ELEMENT, "x"),
                List.of(NAMESPACE, "http://jabber.org/protocol/muc", ""), List.of("room", "name"), none())
                .list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Element> vcards() {
        Arbitrary<FuzzElement> part = elements(List.of("TYPE", "BINVAL", "EXTVAL"), List.of("vcard-temp"),
                List.of("lang"), none());
        Arbitrary<FuzzElement> photo = elements(List.of("PHOTO", "PHOTO", "FN"), List.of("vcard-temp"),
                List.of("type"), part.list().ofMaxSize(4));
        return elements(List.of("vCard"), List.of("vcard-temp"), List.of("xmlns"), photo.list().ofMaxSize(3))
                .map(FuzzElement::build);
    }
}
