package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.chatapp.client.CallLogEntry;
import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.NotificationListener;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0357 push end to end: a device enables push with a real app server (an XMPP session that receives the
 * publishes), goes away, and the app server gets exactly one publish per notifiable event, none while the device is
 * online and none for typing, receipts or markers; calls are urgent; the text goes only with previews on; an app
 * server's "gone" error disables the device; mutes, group levels and mentions are respected; groups count unread
 * messages; story pushes only when turned on; a login tells its messages, missed calls and unread counts in order;
 * bad requests get their errors.
 */
class PushNotificationsTest {

    /** WebPush endpoints here are the test's own plain-HTTP push service. */
    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(
            Map.of("chatapp.push.webPushAllowHttp", "true"));

    static final String PUSH = "urn:xmpp:push:0";
    static final String NOTIFICATIONS = "urn:chatapp:notifications:0";
    /** More than the default least interval between two pushes to a device (chatapp.push.minIntervalMillis). */
    private static final Duration QUIET = Duration.ofMillis(2_600);

    @Test
    void anOfflineDeviceGetsOnePushPerMessageAndNoneWhileOnline(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                assertThat(phone.iq("get", bob.jid(), "<query xmlns='http://jabber.org/protocol/disco#info'/>"))
                        .contains("var='" + PUSH + "'");
                assertThat(phone.iq("set", null, enable(app.jid(), "node-1", "s3cret"))).contains("type='result'");
                a.message(bob.jid(), "chat", "while online", null);
                phone.nextMessage(xml -> xml.contains("while online"));
                assertThat(app.publishesWithin(Duration.ofSeconds(1))).as("no push to an online device").isEmpty();
                phone.goOffline();
            }
            a.message(bob.jid(), "chat", "first words", null);
            String publish = app.nextPublish();
            assertThat(publish).contains("<from>" + bob.jid() + "</from>", "node='node-1'",
                    "<value>urn:xmpp:push:summary</value>", "var='message-count'><value>1</value>",
                    "var='last-message-sender'><value>" + alice.jid() + "</value>", "<value>s3cret</value>",
                    "http://jabber.org/protocol/pubsub#publish-options")
                    .doesNotContain("last-message-body", "first words", "last-message-priority");

            a.message(bob.jid(), "chat", null, "<composing xmlns='http://jabber.org/protocol/chatstates'/>");
            a.message(bob.jid(), "chat", null, "<received xmlns='urn:xmpp:receipts' id='x1'/>");
            a.message(bob.jid(), "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='x1'/>");
            assertThat(app.publishesWithin(QUIET)).as("typing, receipts and markers").isEmpty();

            a.message(bob.jid(), "chat", "second words", null);
            assertThat(app.publishesWithin(QUIET)).hasSize(1).first().asString()
                    .contains("var='message-count'><value>1</value>");
        }
    }

    /**
     * A device whose connection dropped without closing its stream keeps a XEP-0198 session on the server, waiting
     * for resumption (Openfire 4.2 and 5.x detach it): it is not connected, so it is pushed, and when it resumes it
     * gets the message itself, once.
     */
    @Test
    void aHibernatedSessionIsPushedAndGetsTheMessageOnceWhenItResumes(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice);
             RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
            phone.iq("set", null, enable(app.jid(), "node-h", "s3cret"));
            assertThat(phone.connection().isSmResumptionPossible()).as("stream resumption on").isTrue();
            phone.connection().instantShutdown();
            Thread.sleep(500);
            a.message(bob.jid(), "chat", "while asleep", null);
            assertThat(app.nextPublish()).contains("node='node-h'", "var='message-count'><value>1</value>");
            phone.connection().connect().login();
            assertThat(phone.connection().streamWasResumed()).isTrue();
            assertThat(phone.messagesWithin(Duration.ofSeconds(2))).filteredOn(xml -> xml.contains("while asleep"))
                    .hasSize(1);
            assertThat(app.publishesWithin(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void anIncomingCallIsPushedUrgentlyAndPreviewsCarryTheTextOnlyWhenAllowed(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                phone.iq("set", null, enable(app.jid(), "node-2", "s3cret"));
                assertThat(phone.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "' previews='true'/>"))
                        .contains("type='result'");
                phone.goOffline();
            }
            a.message(bob.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='call-1'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>");
            assertThat(app.nextPublish()).contains("var='last-message-priority'><value>high</value>",
                    "var='last-message-sender'><value>" + alice.jid()).doesNotContain("last-message-body");

            a.message(bob.jid(), "chat", "see you at noon", null);
            assertThat(app.nextPublish()).contains("var='last-message-body'><value>see you at noon</value>")
                    .doesNotContain("last-message-priority");
        }
    }

    /** The call log's verdict "missed" (the caller gave up) is pushed too, after the urgent ring, and not urgent. */
    @Test
    void aCallTheCallerGaveUpOnIsPushedAsMissedAfterTheRing(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                phone.iq("set", null, enable(app.jid(), "node-m", "s3cret"));
                phone.goOffline();
            }
            a.message(bob.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='call-m'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            assertThat(app.nextPublish()).contains("var='last-message-priority'><value>high</value>");
            a.message(bob.jid(), "chat", null, "<retract xmlns='urn:xmpp:jingle-message:0' id='call-m'/>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            assertThat(app.nextPublish()).contains("node='node-m'", "var='message-count'><value>1</value>",
                    "var='last-message-sender'><value>" + alice.jid() + "</value>")
                    .doesNotContain("last-message-priority", "last-message-body");
            assertThat(app.publishesWithin(QUIET)).as("one push for the missed call").isEmpty();
        }
    }

    @Test
    void anAppServerErrorThatMeansGoneDisablesTheDevice(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                phone.iq("set", null, enable(app.jid(), "node-3", "s3cret"));
                phone.goOffline();
            }
            app.refuseWith(StanzaError.Condition.item_not_found);
            a.message(bob.jid(), "chat", "to a gone device", null);
            assertThat(app.nextPublish()).contains("node='node-3'");
            // The refusal is handled off the packet threads (the registration goes once its row is deleted): a
            // message routed meanwhile may still be published, and is refused as well. Seen under load.
            a.message(bob.jid(), "chat", "perhaps pushed before the removal", null);
            assertThat(app.publishesWithin(QUIET)).as("at most that one, refused too").hasSizeLessThanOrEqualTo(1);
            app.refuseWith(null);
            a.message(bob.jid(), "chat", "nobody pushed", null);
            assertThat(app.publishesWithin(QUIET)).isEmpty();
        }
    }

    @Test
    void mutedChatsAndGroupLevelsAreRespected(DevServer server, TestUsers users) throws Exception {
        try (ThreeMembers three = new ThreeMembers(server, users);
             PushAppServer app = PushAppServer.start(server, users.create("appserver"))) {
            String room = three.group("pushed");
            try (RawXmpp phone = RawXmpp.login(server, three.carol, "phone")) {
                phone.iq("set", null, enable(app.jid(), "node-4", "s3cret"));
                String until = Instant.now().plus(Duration.ofHours(1)).toString();
                assertThat(phone.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "'><chat jid='"
                        + three.alice.jid() + "' muted-until='" + until + "'/></notifications>"))
                        .contains("type='result'");
                assertThat(phone.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .contains("jid='" + three.alice.jid() + "'", "muted-until=").contains("previews='false'");
                phone.goOffline();
            }
            // Carol's library client stays online: the phone is another device and is pushed all the same.
            three.a.groupChat().send(room, "to the group").join();
            assertThat(app.nextPublish()).contains("var='last-message-sender'><value>" + three.alice.jid());
            three.a.sendMessage(three.carol.jid(), "muted chat").join();
            assertThat(app.publishesWithin(QUIET)).as("a muted chat").isEmpty();

            try (RawXmpp desk = RawXmpp.login(server, three.carol, "desk")) {
                assertThat(desk.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "'><chat jid='" + room
                        + "' level='off'/></notifications>")).contains("type='result'");
                assertThat(desk.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "'><chat jid='" + room
                        + "' level='loud'/></notifications>")).contains("<bad-request");
            }
            three.a.groupChat().send(room, "nobody rings").join();
            assertThat(app.publishesWithin(QUIET)).as("a group whose level is off").isEmpty();
        }
    }

    @Test
    void unreadCountsPerChatResetWhenAnyDeviceMarksTheChatRead(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser carol = users.create("carol");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice);
             RawXmpp c = RawXmpp.login(server, carol)) {
            a.message(bob.jid(), "chat", "one", null);
            String last = a.message(bob.jid(), "chat", "two", null);
            c.message(bob.jid(), "chat", "three", null);
            a.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
            c.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone");
                 RawXmpp desk = RawXmpp.login(server, bob, "desk")) {
                assertThat(desk.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .contains("<unread jid='" + alice.jid() + "' count='2'/>",
                                "<unread jid='" + carol.jid() + "' count='1'/>");
                phone.message(alice.jid(), "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + last
                        + "'/>");
                // The marker and the next request come over different connections: the ping orders them.
                phone.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
                assertThat(desk.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .doesNotContain("jid='" + alice.jid() + "' count")
                        .contains("<unread jid='" + carol.jid() + "' count='1'/>");
            }
        }
    }

    /** The library end to end: push for a device, new-message events with counts, unread counts, a mute. */
    @Test
    void theLibraryEnablesPushCountsUnreadAndMutes(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server);
             PushAppServer app = PushAppServer.start(server, users.create("appserver"))) {
            ChatClient phone = clients.loggedIn(bob);
            phone.notifications().enablePush(app.jid(), "lib-node", Map.of("secret", "lib-secret")).join();
            phone.logout().join();
            ChatClient desk = clients.loggedIn(bob);
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            desk.notifications().onNewMessage((chat, unread, message) -> heard.add(chat + ":" + unread));
            ChatClient a = clients.loggedIn(alice);

            a.sendMessage(bob.jid(), "one").join();
            assertThat(app.nextPublish()).contains("node='lib-node'", "<value>lib-secret</value>");
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(alice.jid() + ":1");
            a.sendMessage(bob.jid(), "two").join();
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(alice.jid() + ":2");
            app.nextPublish();
            assertThat(desk.notifications().unreadCounts().join()).containsEntry(alice.jid(), 2);

            desk.notifications().mute(alice.jid(), Duration.ofHours(1)).join();
            assertThat(desk.notifications().settings().join().chats().get(alice.jid()).mutedUntil())
                    .isAfter(Instant.now());
            a.sendMessage(bob.jid(), "three").join();
            assertThat(app.publishesWithin(QUIET)).as("muted").isEmpty();

            desk.receipts().markRead(alice.jid()).join();
            assertThat(desk.notifications().unread(alice.jid())).as("this client's own count").isZero();
            assertThat(desk.notifications().unreadCounts().join()).doesNotContainKey(alice.jid());

            assertThat(Base64.getUrlDecoder().decode(desk.notifications().vapidKey().join())).hasSize(65);
            assertThatThrownBy(() -> desk.notifications().enableWebPush("ftp://push.example/x", "AAAA", "AAAA")
                    .join()).hasCauseInstanceOf(ChatClientException.class);
            desk.notifications().disableWebPush("https://push.example/never-registered").join();
        }
    }

    /** A device subscribed through WebPush gets an urgent, short-lived, VAPID-signed, encrypted push for a call. */
    @Test
    void aWebPushDeviceIsPushedThroughItsEndpoint(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        BlockingQueue<Map<String, String>> pushes = new LinkedBlockingQueue<>();
        HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push/", exchange -> {
            Map<String, String> request = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
            request.put("body-length", Integer.toString(exchange.getRequestBody().readAllBytes().length));
            pushes.add(request);
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        pushService.start();
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/bob";
            String vapidKey;
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                String settings = phone.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>");
                vapidKey = settings.replaceAll("(?s).*vapid-key='([^']+)'.*", "$1");
                assertThat(Base64.getUrlDecoder().decode(vapidKey)).hasSize(65);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
                Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
                byte[] point = new byte[65];
                point[0] = 4;
                byte[] x = key.getW().getAffineX().toByteArray();
                byte[] y = key.getW().getAffineY().toByteArray();
                System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + 32 - Math.min(32, x.length), Math.min(32,
                        x.length));
                System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + 32 - Math.min(32, y.length), Math.min(32,
                        y.length));
                String subscribe = "<notifications xmlns='" + NOTIFICATIONS + "'><webpush endpoint='" + endpoint
                        + "' p256dh='%s' auth='" + base64url.encodeToString(new byte[16]) + "'/></notifications>";
                assertThat(phone.iq("set", null, subscribe.formatted("not-a-key"))).contains("<bad-request");
                assertThat(phone.iq("set", null, subscribe.formatted(base64url.encodeToString(point))))
                        .contains("type='result'");
                phone.goOffline();
            }
            a.message(bob.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='call-w'/>");
            Map<String, String> push = pushes.poll(10, TimeUnit.SECONDS);
            assertThat(push).isNotNull().containsEntry("urgency", "high").containsEntry("ttl", "60")
                    .containsEntry("content-encoding", "aes128gcm");
            assertThat(push.get("authorization")).startsWith("vapid t=").endsWith(", k=" + vapidKey);
            assertThat(Integer.parseInt(push.get("body-length"))).isGreaterThan(86);
        } finally {
            pushService.stop(0);
        }
    }

    @Test
    void badRequestsGetTheirErrorsAndTouchNobodyElsesRegistration(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser mallory = users.create("mallory");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                assertThat(phone.iq("set", null, "<enable xmlns='" + PUSH + "' jid='" + app.jid() + "'/>"))
                        .contains("<bad-request");
                assertThat(phone.iq("set", null, "<enable xmlns='" + PUSH + "' node='n'/>")).contains("<bad-request");
                assertThat(phone.iq("set", null, enable(app.jid(), "node-5", "x".repeat(5_000))))
                        .contains("<not-acceptable");
                assertThat(phone.iq("set", null, enable(app.jid(), "node-5", "s3cret"))).contains("type='result'");
                phone.goOffline();
            }
            try (RawXmpp m = RawXmpp.login(server, mallory)) {
                assertThat(m.iq("set", null, "<disable xmlns='" + PUSH + "' jid='" + app.jid() + "' node='node-5'/>"))
                        .contains("type='result'");
                assertThat(m.iq("set", bob.jid(), "<disable xmlns='" + PUSH + "' jid='" + app.jid() + "'/>"))
                        .contains("<forbidden");
            }
            a.message(bob.jid(), "chat", "still pushed", null);
            assertThat(app.nextPublish()).contains("node='node-5'");
        }
    }

    /**
     * A group at level "mentions": a message that mentions the member by our element, and one by a XEP-0372
     * reference, each give one push; one without a mention gives none. The group's unread count leaves out the
     * member's own message and drops to what came after the member's read marker.
     */
    @Test
    void atLevelMentionsOnlyMentionsArePushedAndAGroupCountsTheOthersUnreadMessages(DevServer server,
                                                                                     TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (PushAppServer app = PushAppServer.start(server, users.create("appserver"));
             RawXmpp a = RawXmpp.login(server, alice)) {
            String room = GroupsProtocolTest.create(server, a, "Mentions");
            assertThat(GroupsProtocolTest.affiliate(a, room, bob, "member")).contains("type='result'");
            try (RawXmpp phone = RawXmpp.login(server, bob, "phone")) {
                phone.iq("set", null, enable(app.jid(), "node-6", "s3cret"));
                assertThat(phone.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "'><chat jid='" + room
                        + "' level='mentions'/></notifications>")).contains("type='result'");
                assertThat(phone.iq("set", null, "<notifications xmlns='" + NOTIFICATIONS + "' stories='maybe'/>"))
                        .contains("<bad-request");
                phone.goOffline();
            }
            a.message(room, "groupchat", "hello bob", "<mention xmlns='" + NOTIFICATIONS + "' jid='" + bob.jid()
                    + "'/>");
            assertThat(app.nextPublish()).contains("node='node-6'", "var='message-count'><value>1</value>",
                    "var='last-message-sender'><value>" + alice.jid() + "</value>");
            a.message(room, "groupchat", "bob, again", "<reference xmlns='urn:xmpp:reference:0' type='mention'"
                    + " begin='0' end='3' uri='xmpp:" + bob.jid() + "'/>");
            assertThat(app.nextPublish()).contains("node='node-6'", "var='message-count'><value>1</value>");
            String readUpTo = archiveId(a.nextMessage(xml -> xml.contains("bob, again")));
            a.message(room, "groupchat", "nobody in particular", null);
            assertThat(app.publishesWithin(QUIET)).as("no mention, no push").isEmpty();

            try (RawXmpp desk = RawXmpp.login(server, bob, "desk")) {
                assertThat(desk.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .contains("<unread jid='" + room + "' count='3'/>");
                GroupsProtocolTest.join(desk, room, "bob");
                desk.message(room, "groupchat", "my own words", null);
                desk.nextMessage(xml -> xml.contains("my own words"));
                assertThat(desk.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .as("the member's own message is not unread").contains("<unread jid='" + room
                                + "' count='3'/>");
                desk.message(room, "chat", null, "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + readUpTo
                        + "'/>");
                assertThat(desk.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                        .contains("<unread jid='" + room + "' count='1'/>");
            }
            assertThat(a.iq("get", null, "<notifications xmlns='" + NOTIFICATIONS + "'/>"))
                    .as("bob's message, not her own three").contains("<unread jid='" + room + "' count='1'/>");
        }
    }

    /**
     * The defined login order, across two devices of one user: the messages stored while both were away, then the
     * missed call, then the unread counts (one-to-one and group), each once; the second device gets the same call
     * and counts, and a chat read on one device is no longer unread on the other.
     */
    @Test
    void aLoginTellsMessagesThenMissedCallsThenUnreadCountsOnEveryDevice(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server);
             RawXmpp caller = RawXmpp.login(server, alice, "caller")) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient first = clients.loggedIn(bob);
            Inbox<Object> firstHears = Inbox.groups(first);
            String room = a.groups().create("Login order", null, List.of(bob.jid())).join().room();
            firstHears.next(("joined:" + room)::equals);
            first.logout().join();

            a.sendMessage(bob.jid(), "one").join();
            a.sendMessage(bob.jid(), "two").join();
            a.groupChat().send(room, "to the group").join();
            caller.message(bob.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='call-login'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            caller.message(bob.jid(), "chat", null, "<retract xmlns='urn:xmpp:jingle-message:0' id='call-login'/>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            caller.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
            Map<String, Integer> counts = new TreeMap<>(Map.of(alice.jid(), 2, room, 1));

            BlockingQueue<String> deskHeard = new LinkedBlockingQueue<>();
            ChatClient desk = loggedInHearing(clients, bob, deskHeard);
            assertThat(untilCounts(deskHeard)).containsExactly("message " + alice.jid() + " 1",
                    "message " + alice.jid() + " 2", "missed " + alice.jid(), "counts " + counts);
            BlockingQueue<String> phoneHeard = new LinkedBlockingQueue<>();
            ChatClient phone = loggedInHearing(clients, bob, phoneHeard);
            assertThat(untilCounts(phoneHeard)).as("the messages went to the desk; the rest is for every device")
                    .containsExactly("missed " + alice.jid(), "counts " + counts);
            assertThat(phone.notifications().unread(alice.jid())).isEqualTo(2);

            desk.receipts().markRead(alice.jid()).join();
            Instant deadline = Instant.now().plusSeconds(10);
            while (phone.notifications().unread(alice.jid()) != 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(phone.notifications().unread(alice.jid())).as("read on the desk").isZero();
            assertThat(desk.groupChat().markRead(room).join()).isTrue();
            // The desk's own request comes after its markers on its connection: the server has them by then.
            assertThat(desk.notifications().unreadCounts().join()).isEmpty();
            assertThat(phone.notifications().unreadCounts().join()).isEmpty();
            assertThat(deskHeard).as("nothing told twice").isEmpty();
            assertThat(phoneHeard).isEmpty();
        }
    }

    /** Story pushes are off until the user turns them on, and never for a contact whose stories the user muted. */
    @Test
    void storiesArePushedOnlyWhenTurnedOnAndNeverForAMutedContact(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server);
             PushAppServer app = PushAppServer.start(server, users.create("appserver"))) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient phone = clients.loggedIn(bob);
            MutualContacts.befriend(a, alice, phone, bob);
            phone.notifications().enablePush(app.jid(), "story-node", Map.of("secret", "s3cret")).join();
            phone.logout().join();

            a.stories().postText("off by default", null, null).join();
            assertThat(app.publishesWithin(QUIET)).as("story pushes are off by default").isEmpty();

            ChatClient desk = clients.loggedIn(bob);
            assertThat(desk.notifications().settings().join().stories()).isFalse();
            desk.notifications().setStoryPushes(true).join();
            assertThat(desk.notifications().settings().join().stories()).isTrue();
            a.stories().postText("now you hear of it", null, null).join();
            assertThat(app.nextPublish()).contains("node='story-node'", "var='message-count'><value>1</value>",
                    "var='last-message-sender'><value>" + alice.jid() + "</value>")
                    .doesNotContain("now you hear of it");

            desk.stories().mute(alice.jid(), true).join();
            a.stories().postText("muted", null, null).join();
            assertThat(app.publishesWithin(QUIET)).as("a muted contact's story").isEmpty();
        }
    }

    private static ChatClient loggedInHearing(Clients clients, TestUser user, BlockingQueue<String> heard) {
        ChatClient client = clients.open();
        client.notifications().addListener(new NotificationListener() {
            @Override
            public void onNewMessage(String chat, int unread, ChatMessage message) {
                heard.add("message " + chat + " " + unread);
            }

            @Override
            public void onNewGroupMessage(String room, int unread, GroupMessage message) {
                heard.add("group " + room + " " + unread);
            }

            @Override
            public void onMissedCall(CallLogEntry call) {
                heard.add("missed " + call.peer());
            }

            @Override
            public void onUnreadCounts(Map<String, Integer> unread) {
                heard.add("counts " + new TreeMap<>(unread));
            }
        });
        client.login(user.username(), user.password()).join();
        return client;
    }

    /** What a client was told up to and including the login's unread counts. */
    private static List<String> untilCounts(BlockingQueue<String> heard) throws InterruptedException {
        List<String> told = new ArrayList<>();
        while (told.isEmpty() || !told.get(told.size() - 1).startsWith("counts ")) {
            String next = heard.poll(20, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no unread counts after the login; told " + told);
            }
            told.add(next);
        }
        return told;
    }

    /** The archive id a group room stamped on a message (its XEP-0359 stanza-id). */
    private static String archiveId(String messageXml) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("<stanza-id [^>]*\\bid='([^']+)'")
                .matcher(messageXml);
        assertThat(id.find()).as("a stanza-id in " + messageXml).isTrue();
        return id.group(1);
    }

    static String enable(String appServer, String node, String secret) {
        return "<enable xmlns='" + PUSH + "' jid='" + appServer + "' node='" + node + "'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='secret'><value>" + secret + "</value></field></x></enable>";
    }
}
